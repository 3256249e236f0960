package io.ctf.lambda;

/**
 * Marks a {@link FunctionError} that is the caller's to fix: the input (or the caller's own Composio
 * setup it names) is wrong, so the same call fails the same way until the caller changes it, and
 * retrying is pointless. Every other failure is Composio's or ours, and may pass.
 * <p>
 * This is the one place that split is decided: the local loop answers these with 400 and all
 * others with 5xx (docs/local.md), and a Step Functions {@code Retry} should leave them out.
 * DevOnlyPackageTest makes every FunctionError take a side.
 */
public interface CallerError {
}
