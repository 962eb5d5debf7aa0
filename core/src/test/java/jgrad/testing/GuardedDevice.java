package jgrad.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import jgrad.backend.Backend;
import jgrad.backend.Backends;
import jgrad.backend.DType;
import jgrad.backend.Device;
import jgrad.backend.Storage;

/**
 * A device whose storages refuse every host access, computed by the CPU backend behind the
 * {@link Backend} interface. Its backend unwraps its own storages before each kernel and refuses
 * any other storage, so a model that runs here touched its numbers only through kernels of its
 * device: no {@code get}/{@code set} from Java, no host tensor mixed into a device op. Because the
 * kernels are the CPU backend's own, results must equal the CPU's bit for bit.
 *
 * <p>The backend is a dynamic proxy over every method of {@link Backend}, so kernels added to the
 * interface later are guarded without a change here.
 */
public final class GuardedDevice {

    private GuardedDevice() {
    }

    /** A storage of the guarded device: the numbers are in {@code inner}, which only the backend reads. */
    static final class GuardedStorage extends Storage {
        final Storage inner;
        final Device device;

        GuardedStorage(Storage inner, Device device) {
            this.inner = inner;
            this.device = device;
        }

        @Override public DType dtype() { return inner.dtype(); }
        @Override public Device device() { return device; }
        @Override public int length() { return inner.length(); }
        @Override public double get(int i) { throw refuseHostAccess("get(" + i + ")"); }
        @Override public void set(int i, double v) { throw refuseHostAccess("set(" + i + ")"); }
    }

    /** A new guarded device over the current CPU backend. */
    public static Device create() {
        Backend cpu = Backends.current();
        Device[] device = new Device[1];
        Backend guarded = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                new Handler(cpu, device));
        device[0] = Device.create("guarded", guarded);
        return device[0];
    }

    private record Handler(Backend cpu, Device[] device) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "name": return "guarded-" + cpu.name();
                case "device": return device[0];
                case "toString": return "guarded backend over " + cpu.name();
                case "hashCode": return System.identityHashCode(proxy);
                case "equals": return proxy == args[0];
                case "allocate": return new GuardedStorage(cpu.allocate((DType) args[0], (Integer) args[1]), device[0]);
                case "allocateForOverwrite":
                    return new GuardedStorage(cpu.allocateForOverwrite((DType) args[0], (Integer) args[1]), device[0]);
                case "upload": {
                    Storage host = (Storage) args[0];
                    if (host.device() != Device.CPU) {
                        throw new IllegalArgumentException("upload takes a host storage, got one of " + host.device());
                    }
                    return new GuardedStorage(cpu.upload(host), device[0]);
                }
                case "download": return cpu.download(unwrap(method, args[0]));
                default: break;
            }
            Object[] inner = args == null ? null : args.clone();
            if (inner != null) {
                for (int i = 0; i < inner.length; i++) {
                    if (inner[i] instanceof Storage s) {
                        inner[i] = unwrap(method, s);
                    }
                }
            }
            try {
                return method.invoke(cpu, inner);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private Storage unwrap(Method method, Object storage) {
            if (storage instanceof GuardedStorage g && g.device == device[0]) {
                return g.inner;
            }
            throw new IllegalArgumentException("the guarded backend's " + method.getName() + " was given a storage of the "
                    + ((Storage) storage).device() + " device: an op read or wrote memory off its device");
        }
    }
}
