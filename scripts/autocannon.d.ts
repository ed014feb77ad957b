// The parts of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    /** Seconds; or `amount` requests in all. */
    duration?: number;
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    /** Each request in turn; setupRequest may change its path and body. */
    requests?: { setupRequest?: (request: Request) => Request }[];
  };
  type Histogram = { average: number; p50: number; p99: number; total: number };
  type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number; statusCodeStats?: Record<string, { count: number }> };
  function autocannon(options: Options): Promise<Result>;
  namespace autocannon {
    export type { Options, Request, Result };
  }
  export default autocannon;
}
