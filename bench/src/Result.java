

/** A function's answer to one invocation, as the Runtime API received it. */
record Result(boolean ok, String errorType, String body, long at) {
}
