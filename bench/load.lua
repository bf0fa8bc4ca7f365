-- wrk script for bench/load.py: the signed-in session's cookie on every request; at the end one line of JSON
-- with the latency percentiles (ms), requests per second and the count of answers that were not 2xx.
local cookie = os.getenv("BENCH_COOKIE")

request = function()
  return wrk.format("GET", nil, {["Cookie"] = cookie, ["Host"] = "127.0.0.1"})
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout
  io.write(string.format('BENCH {"p50": %.1f, "p95": %.1f, "p99": %.1f, "rps": %.1f, "requests": %d, ' ..
                         '"errors": %d}\n', latency:percentile(50) / 1000, latency:percentile(95) / 1000,
                         latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
                         summary.requests, errors))
end
