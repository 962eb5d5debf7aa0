/**
 * Training: the Keras-like front ({@link jgrad.train.Sequential}, the functional
 * {@link jgrad.train.Model}, {@code compile / fit / evaluate / predict}) on the PyTorch-like base
 * ({@link jgrad.nn.Module}, an {@link jgrad.optim.Optimizer}, and a loop written out). The same
 * training, both ways:
 * <pre>
 *   // Keras-like                                   // PyTorch-like
 *   var model = new Sequential(dense1, relu, dense2); var model = new Sequential(dense1, relu, dense2);
 *   model.compile(Adam.keras(), mse, mae);            var opt = new Adam(1e-3).bind(model);
 *   History h = model.fit(x, y,                       for (int epoch = 0; epoch &lt; 10; epoch++) {
 *       Fit.epochs(10).batchSize(32)                      opt.zeroGrad();
 *          .validationSplit(0.2).seed(7)                  Tensor loss = mse.apply(model.forward(x), y);
 *          .callbacks(new EarlyStopping(3)));             loss.backward();
 *   Tensor p = model.predict(xTest);                      opt.step();
 *                                                     }
 * </pre>
 * {@code fit} is that loop over shuffled batches, plus validation, metrics, callbacks
 * ({@link jgrad.train.EarlyStopping}, {@link jgrad.train.ModelCheckpoint}) and progress lines.
 * Losses and metrics plug in as {@link jgrad.train.Loss} and {@link jgrad.train.Metric}.
 */
package jgrad.train;
