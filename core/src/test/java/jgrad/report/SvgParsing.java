package jgrad.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads attributes back out of the SVG the plots write (the tests' independent reading of what was drawn). */
final class SvgParsing {

    private SvgParsing() {
    }

    /** The value of {@code attribute} on every element named {@code element}, in document order. */
    static List<String> attributes(String svg, String element, String attribute) {
        List<String> values = new ArrayList<>();
        Matcher tag = Pattern.compile("<" + element + "\\b[^>]*>").matcher(svg);
        while (tag.find()) {
            Matcher a = Pattern.compile("\\s" + attribute + "=\"([^\"]*)\"").matcher(tag.group());
            if (a.find()) {
                values.add(a.group(1));
            }
        }
        return values;
    }

    /** "x,y x,y …" as {xs, ys}. */
    static double[][] points(String text) {
        String[] pairs = text.trim().split(" ");
        double[][] xy = new double[2][pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            String[] p = pairs[i].split(",");
            xy[0][i] = Double.parseDouble(p[0]);
            xy[1][i] = Double.parseDouble(p[1]);
        }
        return xy;
    }
}
