package io.spotifymate.model.rest;

import io.spotifymate.model.Html;
import io.spotifymate.model.ModelSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One registry version as a page: its metrics against every baseline of its round, and a bar chart of NDCG@10. */
final class VersionReport {

    private static final List<String> METRICS =
            List.of("ndcg@10", "recall@20", "map@20", "coverage@10", "diversity@10", "novelty@10");

    private VersionReport() {}

    static String html(ModelSummary version) {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        rows.put(version.kind() + " (version " + version.id() + ")", version.metrics());
        version.baselineMetrics().forEach((kind, metrics) -> {
            if (!kind.equals(version.kind())) {
                rows.put(kind, metrics);
            }
        });
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Model version " + version.id() + "</title><style>body{font-family:system-ui,sans-serif;"
                + "margin:2rem;max-width:60rem}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}table{border-collapse:collapse}</style></head><body>");
        page.append("<h1>")
                .append(Html.escape(version.kind()))
                .append(", version ")
                .append(version.id())
                .append("</h1>");
        page.append("<p>Status <b>")
                .append(version.status())
                .append("</b>: ")
                .append(Html.escape(String.valueOf(version.statusReason())))
                .append("</p><p>")
                .append(Html.escape(String.valueOf(version.evaluation())))
                .append("</p>");
        double max = rows.values().stream()
                        .mapToDouble(m -> m.getOrDefault("ndcg@10", 0.0))
                        .max()
                        .orElse(1)
                * 1.15;
        int bar = 26;
        int width = 40 + rows.size() * (bar + 60);
        page.append(String.format(
                Locale.ROOT, "<svg role=\"img\" aria-label=\"NDCG@10 by model\" width=\"%d\" height=\"230\">", width));
        int i = 0;
        for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
            double value = row.getValue().getOrDefault("ndcg@10", 0.0);
            double h = max <= 0 ? 0 : 170 * value / max;
            int x = 40 + i * (bar + 60);
            page.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%.4f</text>"
                            + "<text x=\"%d\" y=\"215\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x,
                    190 - h,
                    bar,
                    h,
                    i == 0 ? "#3b6fb6" : "#9aa5b1",
                    x + bar / 2,
                    185 - h,
                    value,
                    x + bar / 2,
                    Html.escape(row.getKey().split(" ")[0])));
            i++;
        }
        page.append("</svg><table><thead><tr><th>model</th>");
        METRICS.forEach(m -> page.append("<th>").append(m).append("</th>"));
        page.append("</tr></thead><tbody>");
        rows.forEach((name, metrics) -> {
            page.append("<tr><td>").append(Html.escape(name)).append("</td>");
            METRICS.forEach(
                    m -> page.append(String.format(Locale.ROOT, "<td>%.4f</td>", metrics.getOrDefault(m, Double.NaN))));
            page.append("</tr>");
        });
        page.append("</tbody></table><p>Hyperparameters: ")
                .append(Html.escape(String.valueOf(version.hyperparameters())))
                .append("</p></body></html>\n");
        return page.toString();
    }
}
