package jgrad.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of DESIGN.md, checked on core's compiled classes: packages do not import each
 * other in circles, and the module exports its API but not its internals. The one cycle allowed is the {@code Tensor} facade: {@code jgrad.tensor.Tensor}
 * offers every op as a method, and the ops and autograd records take and return tensors.
 */
class PackageRulesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jgrad");

    /**
     * The Tensor facade: Tensor (and its nested classes) and the package-private classes that hold the bodies of its
     * autograd recording and its copies across devices, which call the ops and autograd as Tensor itself does.
     */
    private static final Set<String> FACADE_CLASSES =
            Set.of("jgrad.tensor.Tensor", "jgrad.tensor.TensorGraph", "jgrad.tensor.TensorTransfer");
    private static final DescribedPredicate<JavaClass> FACADE = DescribedPredicate.describe(
            "the Tensor facade", c -> FACADE_CLASSES.contains(c.getName()) || c.getName().startsWith("jgrad.tensor.Tensor$"));

    /** The ops and autograd records it fronts. */
    private static final DescribedPredicate<JavaClass> ITS_OPS = DescribedPredicate.describe(
            "its ops and autograd records", c -> c.getPackageName().equals("jgrad.ops") || c.getPackageName().equals("jgrad.autograd"));

    @Test
    void packagesHaveNoCyclesButTheTensorFacade() {
        slices().matching("jgrad.(**)").should().beFreeOfCycles().ignoreDependency(FACADE, ITS_OPS).check(CORE);
    }

    /** Internal packages: computed by the API, never called by a user of the module. */
    private static final Set<String> INTERNAL = Set.of("jgrad.ops", "jgrad.backend.simd", "jgrad.kernels");

    @Test
    void theModuleExportsEveryApiPackageAndNoInternalOne() throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        Set<String> packages = CORE.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        for (String p : packages) {
            assertEquals(!INTERNAL.contains(p), exported.contains(p),
                    p + (INTERNAL.contains(p) ? " is internal but exported" : " is not exported: export it, or list it as internal"));
        }
    }
}
