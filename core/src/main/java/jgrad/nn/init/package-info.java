/** Starting values of parameters, all drawn from a seeded generator that the caller passes. */
package jgrad.nn.init;
