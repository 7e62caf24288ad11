/**
 * The Temporal SDK's OpenTelemetry interceptors inside workflows: a workflow's run, its activities and child
 * workflows become spans of the trace that started it (sent through the worker's sink, never from the sandbox).
 * Loaded only when the worker traces (OTEL_EXPORTER_OTLP_ENDPOINT).
 */
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import type { WorkflowInterceptorsFactory } from '@temporalio/workflow';

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [new OpenTelemetryInboundInterceptor()],
  outbound: [new OpenTelemetryOutboundInterceptor()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});
