package jgrad.examples;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** Names the preferred vector species; loaded only when the incubator module is present. */
final class VectorInfo {

    private VectorInfo() {
    }

    static String describe() {
        return "float " + FloatVector.SPECIES_PREFERRED + ", " + FloatVector.SPECIES_PREFERRED.length()
                + " lanes; double " + DoubleVector.SPECIES_PREFERRED.length() + " lanes";
    }
}
