package jgrad.autograd;

/** A NaN or an infinity found by anomaly detection ({@link Autograd#detectAnomalies}); the message names the op. */
public final class NumericAnomalyException extends ArithmeticException {

    public NumericAnomalyException(String message) {
        super(message);
    }
}
