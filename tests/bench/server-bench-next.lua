-- wrk script: one connection per thread, each on its own counter (BASE + thread
-- index), alternating call-next and no-show. args: COOKIE CSRF BASE
local threads = 0
function setup(thread)
  thread:set("idx", threads)
  threads = threads + 1
end
function init(args)
  cookie, csrf, counter = args[1], args[2], tonumber(args[3]) + idx
  step = 0
end
function request()
  step = step + 1
  local action = (step % 2 == 1) and "next" or "no-show"
  return wrk.format("POST", "/api/counters/" .. counter .. "/" .. action,
    { ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf }, "")
end
