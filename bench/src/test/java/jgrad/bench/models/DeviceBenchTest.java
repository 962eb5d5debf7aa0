package jgrad.bench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import jgrad.backend.Device;
import jgrad.cuda.CudaProbe;

/**
 * The model benchmarks on cuda-emu (the CUDA kernels compiled for the CPU) do the same training as on
 * the scalar reference: the same losses step after step, to float tolerance, with the model on the
 * CUDA device. Skipped where g++ cannot build the emulation.
 */
class DeviceBenchTest {

    private static final int STEPS = 3;

    @Test
    void mfTrainingStepsOnCudaEmuGiveTheLossesOfTheScalarReference() {
        assumeTrue(CudaProbe.emulation().available(), () -> CudaProbe.emulation().reason());
        for (String embeddings : new String[] {"sparse", "lazy", "dense"}) {
            double[] onCpu = losses(new MfTrainBench(), "scalar", embeddings);
            double[] onDevice = losses(new MfTrainBench(), "cuda-emu", embeddings);
            for (int s = 0; s < STEPS; s++) {
                assertEquals(onCpu[s], onDevice[s], 1e-5 * Math.abs(onCpu[s]), embeddings + ", step " + s);
            }
        }
    }

    @Test
    void ganStepsOnCudaEmuGiveTheLossesOfTheScalarReference() {
        assumeTrue(CudaProbe.emulation().available(), () -> CudaProbe.emulation().reason());
        GanStepBench cpu = new GanStepBench();
        cpu.backend = "scalar";
        cpu.setup();
        GanStepBench device = new GanStepBench();
        device.backend = "cuda-emu";
        device.setup();
        assertSame(Device.CUDA, device.g.device());
        assertSame(Device.CUDA, device.d.device());
        for (int s = 0; s < STEPS; s++) {
            double expected = cpu.step();
            assertEquals(expected, device.step(), 1e-5 * Math.abs(expected), "step " + s);
        }
    }

    private static double[] losses(RatingTrainBench bench, String backend, String embeddings) {
        bench.backend = backend;
        bench.embeddings = embeddings;
        bench.setup();
        assertSame(backend.equals("scalar") ? Device.CPU : Device.CUDA, bench.model.device());
        double[] losses = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
            losses[s] = bench.step();
        }
        return losses;
    }
}
