-- wrk script: POST /api/tickets with a kiosk token and a fresh Idempotency-Key each time.
-- args: TOKEN SERVICE
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
function init(args)
  token = args[1]
  service = args[2] or "A"
  n = 0
  math.randomseed(os.time() + tid)
  salt = math.random(1, 1000000000)
end
function request()
  n = n + 1
  return wrk.format("POST", "/api/tickets", {
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = salt .. "-" .. tid .. "-" .. n,
    ["Content-Type"] = "application/json",
  }, '{"service":"' .. service .. '","priority":false}')
end
