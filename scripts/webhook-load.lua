-- wrk script for scripts/webhook-load.py --engine wrk: replays pre-signed WhatsApp deliveries.
--
-- Run with one connection per thread (wrk -tN -cN), so each thread's responses arrive in the
-- order of its requests and the k-th answer is known to acknowledge the k-th delivery.
-- Arguments: the deliveries file (lines "wamid<TAB>signature<TAB>body") and the thread count;
-- the results are written as JSON to the file named by $WRK_RESULT.

local threads = {}
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

function init(args)
    local path, count = args[1], tonumber(args[2])
    requests, ids = {}, {}
    local i = 0
    for line in io.lines(path) do
        if i % count == id then
            local wamid, signature, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
            requests[#requests + 1] = wrk.format("POST", "/webhooks/whatsapp",
                { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signature }, body)
            ids[#ids + 1] = wamid
        end
        i = i + 1
    end
    answered, exhausted = 0, 0
    acked, statuses = {}, {}
end

-- The next delivery is the one after the last answered: wrk calls request() once more than it
-- sends (to check the script, before the run), and again after a reconnect; both then repeat
-- the delivery still unanswered instead of skipping one.
function request()
    local next = answered + 1
    if next > #requests then
        -- Out of fresh deliveries: repeat the last one (a duplicate, acknowledged but not counted).
        exhausted = exhausted + 1
        next = #requests
    end
    return requests[next]
end

function response(status, headers, body)
    answered = answered + 1
    if status == 200 and answered <= #ids then
        acked[#acked + 1] = ids[answered]
    else
        statuses[tostring(status)] = (statuses[tostring(status)] or 0) + 1
    end
end

local function quote(s) return '"' .. s:gsub('[%c"\\]', "") .. '"' end

function done(summary, latency, requests_summary)
    local out = assert(io.open(os.getenv("WRK_RESULT") or "wrk-result.json", "w"))
    out:write('{"duration_us":', summary.duration, ',"requests":', summary.requests,
        ',"errors":{"connect":', summary.errors.connect, ',"read":', summary.errors.read,
        ',"write":', summary.errors.write, ',"status":', summary.errors.status, ',"timeout":', summary.errors.timeout, '}')
    out:write(',"latency_us":{"p50":', latency:percentile(50), ',"p95":', latency:percentile(95),
        ',"p99":', latency:percentile(99), ',"max":', latency.max, '}')
    local exhausted_total, statuses = 0, {}
    out:write(',"acknowledged":[')
    local first = true
    for _, thread in ipairs(threads) do
        exhausted_total = exhausted_total + (thread:get("exhausted") or 0)
        for status, n in pairs(thread:get("statuses") or {}) do statuses[status] = (statuses[status] or 0) + n end
        for _, wamid in ipairs(thread:get("acked") or {}) do
            if not first then out:write(",") end
            out:write(quote(wamid))
            first = false
        end
    end
    out:write('],"exhausted":', exhausted_total, ',"other_statuses":{')
    first = true
    for status, n in pairs(statuses) do
        if not first then out:write(",") end
        out:write(quote(status), ":", n)
        first = false
    end
    out:write("}}\n")
    out:close()
end
