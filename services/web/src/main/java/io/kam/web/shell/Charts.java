package io.kam.web.shell;

import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A chart's description for the page's script ({@code js/charts.js} draws it with ECharts): its kind, its
 * translated labels and the API's figures as they are. The controllers put its JSON in the model, and the page
 * into a {@code data-chart} attribute.
 */
@Component("charts")
public class Charts {

    private final JsonMapper json = JsonMapper.builder().build();

    public String json(Map<String, ?> spec) {
        return json.writeValueAsString(spec);
    }
}
