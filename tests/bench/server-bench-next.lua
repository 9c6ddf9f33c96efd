-- wrk script: one connection per thread, each on its own counter (BASE + thread
-- index), calling next again and again (each call finishes the previous ticket).
-- args: COOKIE CSRF BASE
local threads = 0
function setup(thread)
  thread:set("idx", threads)
  threads = threads + 1
end
function init(args)
  cookie, csrf, counter = args[1], args[2], tonumber(args[3]) + idx
end
function request()
  return wrk.format("POST", "/api/counters/" .. counter .. "/next",
    { ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf }, "")
end
