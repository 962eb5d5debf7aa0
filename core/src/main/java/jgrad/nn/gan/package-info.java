/** Generative adversarial networks (article 002 §2.4, §4.4): generator, discriminator, losses and the alternating trainer. */
package jgrad.nn.gan;
