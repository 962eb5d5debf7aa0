package jgrad.sequence;

import java.util.Map;
import java.util.function.Function;

import jgrad.io.ModelTypeProvider;

/** The next-item models, for the model-file registry ({@link jgrad.io.LayerRegistry}). */
public final class SequenceModelTypes implements ModelTypeProvider {

    @Override
    public Map<String, Function<Map<String, Object>, ?>> types() {
        return Map.of(SasRec.TYPE, SasRec::fromConfig, Gru4Rec.TYPE, Gru4Rec::fromConfig);
    }
}
