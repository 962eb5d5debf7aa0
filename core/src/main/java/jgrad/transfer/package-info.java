/**
 * Transfer learning (article 002 §2.6): reuse the layers a model learned on one task for another task with
 * little data. {@link jgrad.transfer.FineTuning} copies pretrained layers into a new model, freezes and
 * unfreezes layers by name, and gives each layer its own learning rate.
 */
package jgrad.transfer;
