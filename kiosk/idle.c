/* idle — see idle.h. Owns nothing but the list of wipers it was given. */
#include "idle.h"

void idle_init(struct idle *id, uint64_t timeout_ms, uint64_t now_ms)
{
    *id = (struct idle){.timeout_ms = timeout_ms, .last_ms = now_ms};
}

bool idle_add_wiper(struct idle *id, idle_wipe_fn fn, void *arg)
{
    if (id->nwipers >= IDLE_MAX_WIPERS)
        return false;
    id->wipers[id->nwipers].fn = fn;
    id->wipers[id->nwipers].arg = arg;
    id->nwipers++;
    return true;
}

void idle_touch(struct idle *id, uint64_t now_ms)
{
    id->last_ms = now_ms;
    id->armed = true;
}

void idle_wipe(struct idle *id)
{
    for (int i = 0; i < id->nwipers; i++)
        id->wipers[i].fn(id->wipers[i].arg);
    id->armed = false;
}

uint64_t idle_remaining(const struct idle *id, uint64_t now_ms)
{
    if (!id->armed || id->timeout_ms == 0)
        return UINT64_MAX;
    /* a clock that went backwards counts as "just touched" */
    uint64_t since = now_ms > id->last_ms ? now_ms - id->last_ms : 0;
    return since >= id->timeout_ms ? 0 : id->timeout_ms - since;
}

bool idle_check(struct idle *id, uint64_t now_ms)
{
    if (idle_remaining(id, now_ms) != 0)
        return false;
    idle_wipe(id);
    return true;
}
