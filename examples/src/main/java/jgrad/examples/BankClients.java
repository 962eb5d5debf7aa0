package jgrad.examples;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jgrad.campaign.bank.BankFeatures;
import jgrad.data.BadRows;
import jgrad.data.csv.Table;
import jgrad.data.marketing.MarketingData;

/**
 * The demo's data: UCI Bank Marketing {@code bank-additional.csv} (CC BY 4.0, Moro, Cortez and Rita 2014),
 * shipped in this module's resources so that {@code ./jgrad demo} needs nothing installed, or another file
 * of the same format (e.g. the 41,188-row {@code bank-additional-full.csv}). Its columns as the model reads them:
 * {@link BankFeatures}.
 */
public final class BankClients {

    public static final String RESOURCE = "/data/bank-marketing/bank-additional.csv";
    static final String CITATION = "UCI Bank Marketing (Moro, Cortez & Rita 2014, doi:10.1016/j.dss.2014.03.001; CC BY 4.0)";

    private BankClients() {
    }

    /** Reads {@code file}, or the bundled file when null; a malformed row stops the read, naming file and line. */
    public static Table load(Path file) throws IOException {
        if (file != null) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("--data " + file + ": no such file (expected a ;-separated"
                        + " bank-additional*.csv of UCI Bank Marketing)");
            }
            return MarketingData.bankMarketing(file, BadRows.failFast());
        }
        URL url = BankClients.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the bundled data " + RESOURCE + " is missing from the class path;"
                    + " rebuild with mvn install");
        }
        return loadResource(toUri(url));
    }

    /** In a jar the resource is reached through a zip file system, outside it (tests) as a plain file. */
    private static Table loadResource(URI uri) throws IOException {
        if (!"jar".equals(uri.getScheme())) {
            return MarketingData.bankMarketing(Path.of(uri), BadRows.failFast());
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return MarketingData.bankMarketing(jar.provider().getPath(uri), BadRows.failFast());
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot address the bundled data at " + url, e);
        }
    }

    /** Where the data came from, for the configuration lines. */
    static String describe(Path file) {
        return file == null ? "bundled " + RESOURCE.substring(1) : file.toString();
    }
}
