/**
 * jgrad's engine and the personalized-marketing models built on it: tensors and autograd, the
 * backends that compute on each device, layers, training, model files, data, metrics and the
 * models. It needs nothing but the JDK; the Vector API is optional (the SIMD backend is used where
 * {@code jdk.incubator.vector} is readable, the scalar reference otherwise).
 *
 * <p>The API packages are exported. The internals are not: {@code jgrad.ops} (the ops behind the
 * {@link jgrad.tensor.Tensor} facade), {@code jgrad.backend.simd} (the Vector API kernels, chosen
 * at run time by {@link jgrad.backend.Backends}), {@code jgrad.kernels} (the sequence layers' kernels
 * and workspaces: layers describe the math, kernels compute it).
 */
module jgrad.core {
    requires static jdk.incubator.vector;
    requires jdk.httpserver;
    requires java.net.http;

    // Model types known to the model-file loader, without a hidden registration call.
    uses jgrad.io.ModelTypeProvider;
    provides jgrad.io.ModelTypeProvider with
            jgrad.io.BuiltInLayerTypes, jgrad.train.GraphModelTypes, jgrad.recsys.RecommenderTypes,
            jgrad.sequence.SequenceModelTypes,
            jgrad.text.TextModelTypes;

    exports jgrad;
    exports jgrad.abtest;
    exports jgrad.autograd;
    exports jgrad.bandit;
    exports jgrad.campaign;
    exports jgrad.campaign.bank;
    exports jgrad.cohort;
    exports jgrad.ctr;
    exports jgrad.backend;
    exports jgrad.data;
    exports jgrad.data.csv;
    exports jgrad.data.idx;
    exports jgrad.data.marketing;
    exports jgrad.data.movielens;
    exports jgrad.data.prep;
    exports jgrad.data.split;
    exports jgrad.golden;
    exports jgrad.interop;
    exports jgrad.io;
    exports jgrad.metrics;
    exports jgrad.nn;
    exports jgrad.nn.conv;
    exports jgrad.nn.gan;
    exports jgrad.nn.norm;
    exports jgrad.nn.init;
    exports jgrad.nn.layers;
    exports jgrad.nn.loss;
    exports jgrad.ope;
    exports jgrad.nn.transformer;
    exports jgrad.optim;
    exports jgrad.privacy.anonymize;
    exports jgrad.privacy.dp;
    exports jgrad.privacy.federated;
    exports jgrad.profile;
    exports jgrad.random;
    exports jgrad.recsys;
    exports jgrad.report;
    exports jgrad.report.figures;
    exports jgrad.segment;
    exports jgrad.serve;
    exports jgrad.synth;
    exports jgrad.sequence;
    exports jgrad.rl;
    exports jgrad.tensor;
    exports jgrad.text;
    exports jgrad.train;
    exports jgrad.transfer;
    exports jgrad.uplift;
}
