/**
 * The demo's campaign model on UCI Bank Marketing clients (article 002 §4): the preprocessing fitted on the
 * training clients ({@link jgrad.campaign.bank.BankFeatures}: vocabularies, imputation and scaling), the
 * network of embeddings and dense layers ({@link jgrad.campaign.bank.BankModel}), and a saved model scoring
 * raw clients ({@link jgrad.campaign.bank.BankScorer}). {@code ./jgrad demo}, {@code score}, {@code serve} and
 * the Spark module all use it.
 */
package jgrad.campaign.bank;
