/**
 * OpenTelemetry traces, sent over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT when it is set (nothing is traced
 * otherwise). One tracer provider per process: the web server's request spans, the Temporal client's start and signal
 * spans, the workflows' and activities' spans (the SDK's interceptors, @temporalio/interceptors-opentelemetry) all
 * join one trace, from the request that launched a survey to the activity that sent its e-mails.
 */
import { trace } from '@opentelemetry/api';
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface Tracing {
  tracer: Tracer;
  processor: SpanProcessor;
  resource: Resource;
  /** Sends what is still buffered. */
  flush(): Promise<void>;
}

let installed: Tracing | undefined;

/** Starts tracing for this process once (later calls get the same); undefined when no endpoint is configured. */
export function startTracing(endpoint: string | undefined): Tracing | undefined {
  if (!endpoint) return undefined;
  if (installed) return installed;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: 'commission-prep' });
  const processor = new BatchSpanProcessor(
    new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }),
    // Small batches, sent soon: operators look at a trace while the survey is being launched.
    { scheduledDelayMillis: 1_000 },
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  installed = {
    tracer: trace.getTracer('commission-prep'),
    processor,
    resource,
    flush: () => provider.forceFlush(),
  };
  return installed;
}
