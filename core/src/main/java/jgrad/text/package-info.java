/**
 * Text for the models: reading labelled sentences in a declared encoding ({@link jgrad.text.TextFiles}),
 * tokens ({@link jgrad.text.Tokenizer}), word ids with padding ({@link jgrad.text.WordIds}), and the
 * sentence classifiers of seed 004 (sentiment analysis of customer feedback): a Kim (2014) CNN over
 * word embeddings ({@link jgrad.text.TextCnn}), an LSTM, and a bag-of-words logistic regression
 * ({@link jgrad.text.BagOfWords}), trained and scored by {@link jgrad.text.SentimentModel} and
 * compared by k-fold cross-validation ({@link jgrad.text.CrossValidation}).
 */
package jgrad.text;
