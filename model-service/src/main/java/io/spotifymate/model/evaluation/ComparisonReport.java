package io.spotifymate.model.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spotifymate.model.Html;
import io.spotifymate.model.ranking.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The comparison's outcome as a text table, as JSON and as a small self-contained HTML page with a chart. */
public record ComparisonReport(String dataset, List<Long> seeds, List<Comparison.Result> results, double seconds) {

    private static final Map<String, Function<Evaluation, Double>> METRICS = metrics();

    private static Map<String, Function<Evaluation, Double>> metrics() {
        Map<String, Function<Evaluation, Double>> metrics = new LinkedHashMap<>();
        metrics.put("NDCG@10", Evaluation::ndcg10);
        metrics.put("Recall@20", Evaluation::recall20);
        metrics.put("MAP@20", Evaluation::map20);
        metrics.put("coverage@10", Evaluation::coverage);
        metrics.put("diversity@10", Evaluation::diversity);
        metrics.put("novelty@10", Evaluation::novelty);
        return metrics;
    }

    /** The best model by mean NDCG@10 among the baselines (every kind but the network). */
    public Optional<Comparison.Result> bestBaseline() {
        return results.stream()
                .filter(r -> !r.kind().startsWith("dl4j"))
                .max((a, b) -> Double.compare(a.mean(Evaluation::ndcg10), b.mean(Evaluation::ndcg10)));
    }

    public String table() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s, seeds %s: mean ± standard deviation%n", dataset, seeds));
        text.append(String.format(Locale.ROOT, "%-16s", "model"));
        METRICS.keySet().forEach(name -> text.append(String.format(Locale.ROOT, "%19s", name)));
        text.append(String.format(Locale.ROOT, "%12s%12s%n", "fit (s)", "peak MB"));
        for (Comparison.Result result : results) {
            text.append(String.format(Locale.ROOT, "%-16s", result.kind()));
            METRICS.values()
                    .forEach(metric -> text.append(
                            String.format(Locale.ROOT, "%11.4f ± %.4f", result.mean(metric), result.spread(metric))));
            text.append(String.format(
                    Locale.ROOT, "%12.1f%12d%n", result.medianSeconds(), result.maxPeakMemory() / (1024 * 1024)));
        }
        Optional<Comparison.Result> best = bestBaseline();
        results.stream()
                .filter(r -> r.kind().startsWith("dl4j") && best.isPresent())
                .findFirst()
                .ifPresent(network -> {
                    Comparison.Result baseline = best.get();
                    double gain = network.mean(Evaluation::ndcg10) / baseline.mean(Evaluation::ndcg10) - 1;
                    text.append(String.format(
                            Locale.ROOT,
                            "%nThe network's NDCG@10 is %+.1f%% against the best baseline (%s); it fits in %.1f s, %.2f× the"
                                    + " time of iALS.%n",
                            gain * 100,
                            baseline.kind(),
                            network.medianSeconds(),
                            network.medianSeconds() / seconds("ials")));
                });
        text.append(String.format(Locale.ROOT, "Chosen hyperparameters:%n"));
        results.forEach(r -> text.append(String.format(
                Locale.ROOT, "  %-16s %s %s%n", r.kind(), r.chosen(), r.notes().isEmpty() ? "" : r.notes())));
        text.append(String.format(Locale.ROOT, "Whole comparison: %.0f s%n", seconds));
        return text.toString();
    }

    private double seconds(String kind) {
        return results.stream()
                .filter(r -> r.kind().equals(kind))
                .mapToDouble(Comparison.Result::medianSeconds)
                .findFirst()
                .orElse(Double.NaN);
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", dataset);
        root.put("seeds", seeds);
        root.put(
                "protocol",
                "per-user 20% holdout per seed; full ranking over every item not in the user's training"
                        + " data; hyperparameters tuned on a validation split inside the first seed's training data");
        List<Map<String, Object>> models = new ArrayList<>();
        for (Comparison.Result result : results) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("kind", result.kind());
            model.put("hyperparameters", result.chosen());
            model.put("notes", result.notes());
            Map<String, Object> metrics = new LinkedHashMap<>();
            METRICS.forEach((name, metric) ->
                    metrics.put(name, Map.of("mean", result.mean(metric), "std", result.spread(metric))));
            model.put("metrics", metrics);
            model.put("fitSecondsMedian", result.medianSeconds());
            model.put("peakMemoryBytes", result.maxPeakMemory());
            model.put("runs", result.runs());
            model.put("tuning", result.candidates());
            models.add(model);
        }
        root.put("models", models);
        root.put("bestBaseline", bestBaseline().map(Comparison.Result::kind).orElse(null));
        root.put("seconds", seconds);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page with the table and a bar chart of NDCG@10 and Recall@20 (mean, with a whisker of one deviation). */
    public String html() {
        StringBuilder page = new StringBuilder();
        page.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SpotifyMate model comparison"
                + "</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}"
                + "table{border-collapse:collapse}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;"
                + "text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>");
        page.append("<h1>Model comparison</h1><p>")
                .append(Html.escape(dataset))
                .append(", seeds ")
                .append(seeds)
                .append(". Full ranking over every item not in the user's training data.</p>");
        page.append(chart());
        page.append("<table><thead><tr><th>model</th>");
        METRICS.keySet().forEach(name -> page.append("<th>").append(name).append("</th>"));
        page.append("<th>fit (s)</th><th>peak MB</th></tr></thead><tbody>");
        for (Comparison.Result result : results) {
            page.append("<tr><td>").append(Html.escape(result.kind())).append("</td>");
            METRICS.values()
                    .forEach(metric -> page.append(String.format(
                            Locale.ROOT, "<td>%.4f ± %.4f</td>", result.mean(metric), result.spread(metric))));
            page.append(String.format(
                    Locale.ROOT,
                    "<td>%.1f</td><td>%d</td></tr>",
                    result.medianSeconds(),
                    result.maxPeakMemory() / (1024 * 1024)));
        }
        page.append("</tbody></table><h2>Chosen hyperparameters</h2><ul>");
        results.forEach(r -> page.append("<li><b>")
                .append(Html.escape(r.kind()))
                .append("</b> ")
                .append(Html.escape(r.chosen() + " " + r.notes()))
                .append("</li>"));
        page.append("</ul></body></html>\n");
        return page.toString();
    }

    private String chart() {
        int barWidth = 28;
        int groupWidth = barWidth * 2 + 30;
        int height = 240;
        double max = results.stream()
                        .mapToDouble(r -> Math.max(
                                r.mean(Evaluation::ndcg10) + r.spread(Evaluation::ndcg10),
                                r.mean(Evaluation::recall20) + r.spread(Evaluation::recall20)))
                        .max()
                        .orElse(1)
                * 1.1;
        StringBuilder svg = new StringBuilder();
        int width = 60 + groupWidth * results.size();
        svg.append(String.format(
                Locale.ROOT,
                "<svg role=\"img\" aria-label=\"NDCG@10 and Recall@20 by model\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\">",
                width,
                height + 60,
                width,
                height + 60));
        svg.append("<text x=\"60\" y=\"14\" font-size=\"12\"><tspan fill=\"#3b6fb6\">■ NDCG@10</tspan>"
                + "<tspan dx=\"12\" fill=\"#e08a2c\">■ Recall@20</tspan></text>");
        for (int i = 0; i < results.size(); i++) {
            Comparison.Result r = results.get(i);
            int x = 60 + i * groupWidth;
            bar(svg, x, barWidth, height, max, r.mean(Evaluation::ndcg10), r.spread(Evaluation::ndcg10), "#3b6fb6");
            bar(
                    svg,
                    x + barWidth + 4,
                    barWidth,
                    height,
                    max,
                    r.mean(Evaluation::recall20),
                    r.spread(Evaluation::recall20),
                    "#e08a2c");
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x + barWidth,
                    height + 40,
                    Html.escape(r.kind())));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"55\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                height + 20,
                width,
                height + 20));
        svg.append("</svg>");
        return svg.toString();
    }

    private static void bar(
            StringBuilder svg, int x, int w, int height, double max, double value, double spread, String colour) {
        double top = 20 + height * (1 - value / max);
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%.4f ± %.4f</title></rect>",
                x,
                top,
                w,
                height + 20 - top,
                colour,
                value,
                spread));
        double high = 20 + height * (1 - (value + spread) / max);
        double low = 20 + height * (1 - Math.max(0, value - spread) / max);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#222\"/>",
                x + w / 2,
                high,
                x + w / 2,
                low));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%.3f</text>",
                x + w / 2,
                high - 4,
                value));
    }
}
