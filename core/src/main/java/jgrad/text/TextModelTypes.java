package jgrad.text;

import java.util.Map;
import java.util.function.Function;

import jgrad.io.ModelTypeProvider;

/** {@link TextCnn}, {@link BagOfWords} and {@link CharLanguageModel}, for the model-file registry ({@link jgrad.io.LayerRegistry}). */
public final class TextModelTypes implements ModelTypeProvider {

    @Override
    public Map<String, Function<Map<String, Object>, ?>> types() {
        return Map.of("TextCNN", TextCnn::fromConfig, "BagOfWords", BagOfWords::fromConfig,
                "CharLanguageModel", CharLanguageModel::fromConfig);
    }
}
