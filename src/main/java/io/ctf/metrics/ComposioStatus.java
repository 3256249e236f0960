package io.ctf.metrics;

/** The {@code Status} dimension of {@code ComposioCalls}: the class of one attempt's answer. */
public enum ComposioStatus {
    S2XX("2xx"), S4XX("4xx"), S429("429"), S5XX("5xx"), UNREACHABLE("unreachable");

    private final String value;

    ComposioStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** 429 on its own (rate limited), other 4xx together, 5xx together; anything below 400 is an answer, 2xx. */
    public static ComposioStatus of(int httpStatus) {
        if (httpStatus == 429) {
            return S429;
        }
        if (httpStatus >= 500) {
            return S5XX;
        }
        if (httpStatus >= 400) {
            return S4XX;
        }
        return S2XX;
    }
}
