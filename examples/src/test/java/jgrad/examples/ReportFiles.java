package jgrad.examples;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads a written HTML report's figures back: each inline SVG parsed as XML, and the plotted values. */
final class ReportFiles {

    private ReportFiles() {
    }

    /** Every {@code <svg>…</svg>} of the page, parsed (a malformed one fails here). */
    static List<Document> figures(String html) throws Exception {
        List<Document> svgs = new ArrayList<>();
        Matcher m = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(html);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        while (m.find()) {
            svgs.add(factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    m.group().getBytes(StandardCharsets.UTF_8))));
        }
        return svgs;
    }

    /** The figure whose title starts with {@code prefix}. */
    static Document figure(List<Document> svgs, String prefix) {
        return svgs.stream().filter(d -> d.getDocumentElement().getAttribute("aria-label").startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError("no figure titled '" + prefix + "…'"));
    }

    /** The plotted {xs, ys} of the series named {@code name}. */
    static double[][] series(Document svg, String name) {
        NodeList lines = svg.getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            if (e.getAttribute("data-series").equals(name)) {
                String[] pairs = e.getAttribute("data-points").trim().split(" ");
                double[][] xy = new double[2][pairs.length];
                for (int p = 0; p < pairs.length; p++) {
                    String[] v = pairs[p].split(",");
                    xy[0][p] = Double.parseDouble(v[0]);
                    xy[1][p] = Double.parseDouble(v[1]);
                }
                return xy;
            }
        }
        throw new AssertionError("no series '" + name + "'");
    }

    /** The value of the element carrying {@code key=value} attributes, e.g. a heat-map cell or a bar. */
    static double value(Document svg, String element, String... keyValues) {
        NodeList nodes = svg.getElementsByTagName(element);
        outer:
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            for (int k = 0; k < keyValues.length; k += 2) {
                if (!e.getAttribute(keyValues[k]).equals(keyValues[k + 1])) {
                    continue outer;
                }
            }
            return Double.parseDouble(e.getAttribute("data-value"));
        }
        throw new AssertionError("no " + element + " with " + String.join(" ", keyValues));
    }

    /** The area under a curve's points by the trapezoid rule. */
    static double trapezoid(double[][] xy) {
        double area = 0;
        for (int i = 1; i < xy[0].length; i++) {
            area += (xy[0][i] - xy[0][i - 1]) * (xy[1][i] + xy[1][i - 1]) / 2;
        }
        return area;
    }

    /** The first group of {@code regex} in {@code text}, as a number. */
    static double printed(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("nothing printed matches " + regex);
        }
        return Double.parseDouble(m.group(1));
    }
}
