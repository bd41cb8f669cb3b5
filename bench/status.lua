-- wrk: GET /api/v1/applications/{id}, each request with the next of many citizens' tokens.
-- The file of "applicationId token" lines is given by the TOKENS environment variable.
local pairs_ = {}
local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end

function init(args)
  for line in io.lines(os.getenv("TOKENS")) do
    local id, token = line:match("^(%S+) (%S+)$")
    if id then
      pairs_[#pairs_ + 1] = {"/api/v1/applications/" .. id, {["Authorization"] = "Bearer " .. token}}
    end
  end
  index = (tonumber(offset) or 0) * 7919
end

function request()
  index = index + 1
  local p = pairs_[(index % #pairs_) + 1]
  return wrk.format("GET", p[1], p[2])
end

function done(summary, latency, requests)
  local f = io.open(os.getenv("WRK_JSON"), "w")
  f:write(string.format('{"requests":%d,"duration_s":%.3f,"rps":%.1f,"errors_connect":%d,"errors_read":%d,"errors_write":%d,'
    .. '"errors_status":%d,"errors_timeout":%d,"latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f}}',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    latency.mean / 1000))
  f:close()
end
