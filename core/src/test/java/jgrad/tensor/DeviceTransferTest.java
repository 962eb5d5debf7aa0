package jgrad.tensor;

import jgrad.backend.DeviceTransfer;
import jgrad.backend.Device;
import jgrad.backend.DType;
import jgrad.backend.Storage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** tensor.to(Device) through a registered transfer; a stand-in device keeps its numbers in a host array. */
class DeviceTransferTest {

    /** Device memory as the tensor sees it: a storage that says it lives on the GPU. */
    private static final class FakeDeviceStorage extends Storage {
        final double[] cells;

        FakeDeviceStorage(Storage host) {
            cells = new double[host.length()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = host.get(i);
            }
        }

        @Override public DType dtype() { return DType.F64; }
        @Override public Device device() { return Device.CUDA; }
        @Override public int length() { return cells.length; }
        @Override public double get(int i) { return cells[i]; }
        @Override public void set(int i, double v) { cells[i] = v; }
    }

    @Test
    void copiesGoThereAndBackExplicitly() {
        DeviceTransfer.register(Device.CUDA, new DeviceTransfer() {
            @Override public Storage toDevice(Storage host) { return new FakeDeviceStorage(host); }
            @Override public Storage toHost(Storage device) {
                Storage host = Storage.allocate(DType.F64, device.length());
                for (int i = 0; i < device.length(); i++) {
                    host.set(i, device.get(i));
                }
                return host;
            }
        });
        Tensor x = Tensor.arange(DType.F64, 6).reshape(2, 3);
        Tensor onDevice = x.t().to(Device.CUDA);           // a transposed view is made contiguous first
        assertEquals(Device.CUDA, onDevice.device());
        assertArrayEquals(new int[] {3, 2}, onDevice.shape());
        assertSame(onDevice, onDevice.to(Device.CUDA));
        Tensor back = onDevice.to(Device.CPU);
        assertNotSame(x.storage(), back.storage());
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, back.toDoubleArray());
        var mixed = assertThrows(IllegalArgumentException.class, () -> onDevice.add(Tensor.zeros(DType.F64, 3, 2)));
        assertTrue(mixed.getMessage().contains("devices differ"), mixed.getMessage());
    }
}
