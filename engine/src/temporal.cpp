// Temporal primitives (see temporal.hpp). Every number of the law arrives as a dated function.
#include "rw/engine/temporal.hpp"

#include <algorithm>
#include <limits>

// GCC 12 reports std::optional<sys_days> members as "maybe uninitialized" after engaged checks
// (a known false positive, GCC bug 105562); the code only reads them when engaged.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace rw::engine::temporal {

using date::days;

static day sunday_of(day monday) { return monday + days{6}; }

day first_contract_day_in_week(worker const& w, day monday) {
    std::optional<day> best;
    for (auto const& c : w.contracts) {
        auto e = c.effective_end();
        if (c.start > sunday_of(monday) || (e && *e < monday)) continue;
        day f = std::max(monday, c.start);
        if (!best || f < *best) best = f;
    }
    return best.value_or(monday);
}

day last_contract_day_in_week(worker const& w, day monday) {
    std::optional<day> best;
    for (auto const& c : w.contracts) {
        auto e = c.effective_end();
        if (c.start > sunday_of(monday) || (e && *e < monday)) continue;
        day l = e ? std::min(sunday_of(monday), *e) : sunday_of(monday);
        if (!best || l > *best) best = l;
    }
    return best.value_or(sunday_of(monday));
}

bool gap_exceeds(day prev_end, day next_start, std::int64_t months) {
    // The gap is prev_end + 1 ... next_start - 1; it is longer than N months when its last day
    // lies after prev_end + N months (rule-catalogue v1.1: prev.end 2025-03-16, next.start
    // 2025-09-17 is exactly 6 months, "niet meer dan zes maanden", 7:668a lid 1 BW).
    return next_start - days{1} > add_months(prev_end, static_cast<int>(months));
}

std::vector<day> counted_weeks(worker const& w, day R, std::function<bool(day)> const& holiday_counts) {
    std::vector<day> out;
    for (auto const& r : w.worked_weeks)
        for (auto m = monday_of(r.first); m <= monday_of(r.last) && m <= R; m += days{7}) out.push_back(m);
    std::size_t worked = out.size();
    for (auto const& r : w.paid_holiday_weeks)
        for (auto m = monday_of(r.first); m <= monday_of(r.last) && m <= R; m += days{7})
            if (holiday_counts(m)) out.push_back(m);
    // Imported week lists ascend; merge the two instead of sorting (stored data may not, so check).
    if (std::is_sorted(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(worked)) &&
        std::is_sorted(out.begin() + static_cast<std::ptrdiff_t>(worked), out.end()))
        std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(worked), out.end());
    else
        std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<day> known_then_projected(std::vector<day> recorded, std::vector<contract> const& contracts, day K, day R) {
    std::erase_if(recorded, [&](day m) { return m > K; });
    if (K >= R) return recorded;
    auto weeks = static_cast<int>((monday_of(R) - monday_of(K)).count() / 7);
    return project_weeks(std::move(recorded), contracts, K, weeks);
}

std::vector<day> project_weeks(std::vector<day> weeks, std::vector<contract> const& contracts, day R, int horizon) {
    // Walk each contract's weeks from R's week on (not every week times every contract).
    day first = monday_of(R);
    day last = first + days{7 * horizon};
    std::size_t recorded = weeks.size();
    for (auto const& c : contracts) {
        auto e = c.effective_end();
        day from = std::max(first, monday_of(c.start));
        day to = e ? std::min(last, monday_of(*e)) : last;
        for (auto m = from; m <= to; m += days{7})
            if (!std::binary_search(weeks.begin(), weeks.begin() + static_cast<std::ptrdiff_t>(recorded), m)) weeks.push_back(m);
    }
    std::sort(weeks.begin(), weeks.end());
    weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
    return weeks;
}

std::optional<day> day_after_nth_week(std::vector<day> const& mondays, dated const& n, std::vector<day> const& breakpoints,
                                      day from) {
    std::optional<day> best;
    // n is constant between breakpoints: look it up once per interval, not once per week.
    std::vector<day> bps = breakpoints;
    std::sort(bps.begin(), bps.end());
    std::size_t interval = 0;
    std::optional<std::int64_t> need;
    bool have = false;
    auto required = [&](day d) {
        std::size_t i = static_cast<std::size_t>(std::upper_bound(bps.begin(), bps.end(), d) - bps.begin());
        if (!have || i != interval) {
            need = n(d);
            interval = i;
            have = true;
        }
        return need;
    };
    auto consider = [&](day d, std::int64_t count) {
        if (d < from) return;
        auto r = required(d);
        if (r && count >= *r && (!best || d < *best)) best = d;
    };
    // The day after each counted week: the count of weeks ending before it is k.
    std::int64_t k = 0;
    for (auto m : mondays) {
        ++k;
        consider(sunday_of(m) + days{1}, k);
        if (best) break;  // later weeks only give later days
    }
    // Days on which the required number changes (a transition such as 2023-01-02).
    for (auto b : bps) {
        if (best && b >= *best) break;
        auto count = static_cast<std::int64_t>(
            std::lower_bound(mondays.begin(), mondays.end(), b - days{6}) - mondays.begin());  // weeks whose Sunday < b
        have = false;
        consider(b, count);
    }
    return best;
}

std::optional<day> end_of_dated_duration(day start, dated const& months, std::vector<day> breakpoints) {
    breakpoints.push_back(start);
    std::sort(breakpoints.begin(), breakpoints.end());
    for (std::size_t i = 0; i < breakpoints.size(); ++i) {
        if (i + 1 < breakpoints.size() && breakpoints[i + 1] <= start) continue;  // interval before start
        day vf = std::max(breakpoints[i], start);
        std::optional<day> vt = i + 1 < breakpoints.size() ? std::optional<day>(breakpoints[i + 1] - days{1}) : std::nullopt;
        auto m = months(vf);
        if (!m) continue;
        day d = std::max(add_months(start, static_cast<int>(*m)), vf);
        if (vt && d > *vt) continue;
        return d;
    }
    return std::nullopt;
}

namespace {
struct sorted_contract {
    contract const* c;
};
std::vector<contract const*> by_start(std::vector<contract> const& cs) {
    std::vector<contract const*> out;
    for (auto const& c : cs) out.push_back(&c);
    std::stable_sort(out.begin(), out.end(), [](auto a, auto b) { return a->start < b->start; });
    return out;
}
}  // namespace

std::vector<day> series_starts(std::vector<contract> const& contracts, day R, dated const& gap_months) {
    std::vector<day> out;
    std::optional<day> latest_end;
    bool open = false;
    for (auto const* c : by_start(contracts)) {
        if (c->start > R) break;
        if (out.empty()) {
            out.push_back(c->start);
        } else if (!open && latest_end) {
            auto gap = gap_months(c->start);
            if (gap && gap_exceeds(*latest_end, c->start, *gap)) out.push_back(c->start);
        }
        auto e = c->effective_end();
        if (!e) open = true;
        else if (!latest_end || *e > *latest_end) latest_end = e;
    }
    return out;
}

phase_timeline phases(worker const& w, std::vector<day> const& counted, day R, phase_parameters const& p) {
    phase_timeline t;
    auto starts = series_starts(w.contracts, R, p.gap_months);
    if (starts.empty()) return t;
    auto sorted = by_start(w.contracts);
    for (std::size_t s = 0; s < starts.size(); ++s) {
        day S = starts[s];
        std::optional<day> next = s + 1 < starts.size() ? std::optional<day>(starts[s + 1]) : std::nullopt;
        bool current = s + 1 == starts.size();
        // The series' counted weeks: from S's week on, before the next series' week.
        std::vector<day> weeks;
        for (auto m : counted)
            if (m >= monday_of(S) && (!next || m < monday_of(*next))) weeks.push_back(m);
        std::vector<day> const recorded = weeks;  // facts count what is recorded, never the projection
        if (current) {
            // Projection: nothing after R is known but agreed contracts (rule-catalogue).
            weeks = project_weeks(std::move(weeks), w.contracts, R, projection_horizon_weeks);
        }
        auto len = [&](day d) { return p.fase_a_weeks(d, S); };
        auto B = day_after_nth_week(weeks, len, p.fase_a_breakpoints, S);
        if (B && next && *B >= *next) B.reset();
        std::optional<day> C;
        std::int64_t b_contracts_to_R = 0;
        if (B) {
            // Fase B lasts fase_b.duur months from its start and at most fase_b.max_contracten
            // contracts: the contract running on B is the first, later ones count in start order.
            // The duration in force on each day (4 years until 2023-01-02, 3 years from then): a fase B
            // begun before 2022-01-03 that had lasted 3 years by 2023-01-02 ends on that day
            // (rule-catalogue v1.1, CAO voor Uitzendkrachten 2022-2023 overgangsrecht).
            C = end_of_dated_duration(*B, p.fase_b_months, p.fase_b_breakpoints);
            if (C && p.fase_b_months(*B)) {
                day normal_end = add_months(*B, static_cast<int>(*p.fase_b_months(*B)));
                // A fase-B fixed-term contract concluded before the cut-off may run to its agreed end,
                // within the duration that applied when fase B began.
                auto cutoff = p.fase_b_contract_concluded_before(*C);
                if (*C < normal_end && cutoff) {
                    for (auto const* c : sorted) {
                        auto e = c->effective_end();
                        if (c->kind != contract_kind::bepaalde_tijd || !e || c->start > *C || *e < *C) continue;
                        if (c->concluded() >= day{date::days{*cutoff}}) continue;
                        C = std::min(*e + days{1}, normal_end);
                    }
                }
            }
            auto max = p.fase_b_max_contracts(*B);
            std::int64_t k = 0;
            for (auto const* c : sorted) {
                auto e = c->effective_end();
                bool in_series = c->start >= S && (!next || c->start < *next);
                if (!in_series) continue;
                bool counts = (c->start <= *B && (!e || *e >= *B)) || c->start > *B;
                if (!counts) continue;
                ++k;
                if (c->start <= R) b_contracts_to_R = k;
                if (max && k == *max + 1) {
                    day d = std::max(c->start, *B);
                    if (!C || d < *C) C = d;
                }
            }
            if (C && next && *C >= *next) C.reset();
        }
        std::optional<day> series_end = next ? std::optional<day>(*next - days{1}) : std::nullopt;
        day a_end_excl = B ? *B : day::max();
        t.periods.push_back({0, S, B ? std::optional<day>(*B - days{1}) : series_end, static_cast<int>(s)});
        if (B) t.periods.push_back({1, *B, C ? std::optional<day>(*C - days{1}) : series_end, static_cast<int>(s)});
        if (C) t.periods.push_back({2, *C, series_end, static_cast<int>(s)});
        if (current) {
            t.current_series = static_cast<int>(s);
            t.fase_a_begin = S;
            t.fase_b_start = B;
            t.fase_c_start = C;
            bool in_a = !B || R < *B;
            std::int64_t n = 0;
            for (auto m : recorded) {
                if (in_a ? (m <= R) : (sunday_of(m) < a_end_excl)) ++n;
            }
            t.fase_a_weken = n;
            t.fase_b_contracten = in_a ? 0 : b_contracts_to_R;
        }
    }
    return t;
}

int phase_on(phase_timeline const& t, day d) {
    for (auto const& p : t.periods)
        if (p.from <= d && (!p.to || d <= *p.to)) return p.fase;
    return -1;
}

std::vector<chain> chains(worker const& w, day R, chain_parameters const& p) {
    std::vector<chain> out;
    // T: the day after the week of the 26th worked week (7:691 lid 1), where a gap of more than
    // threshold_gap_months between periods of work restarts that count (7:691 lid 4).
    std::vector<day> worked;
    for (auto const& r : w.worked_weeks)
        for (auto m = monday_of(r.first); m <= monday_of(r.last) && m <= R; m += days{7}) worked.push_back(m);
    std::sort(worked.begin(), worked.end());
    // Runs of work: a tussenpoos of more than threshold_gap_months (from the last contract day of one
    // worked week to the first contract day of the next; 7:691 lid 4) starts a new run, and the count
    // of 26 weeks starts again. Each run has its own T (none when it never reaches the threshold).
    struct work_run {
        day from;
        std::optional<day> T;
    };
    std::vector<work_run> runs;
    {
        std::int64_t k = 0;
        std::optional<day> prev;
        for (auto m : worked) {
            if (!prev || [&] {
                    auto gap = p.threshold_gap_months(m);
                    // The work days lie within the two weeks: when even the widest gap (prev's Monday to
                    // m's Sunday) is not too long, the contracts need not be looked at.
                    return gap && gap_exceeds(*prev, sunday_of(m), *gap) &&
                           gap_exceeds(last_contract_day_in_week(w, *prev), first_contract_day_in_week(w, m), *gap);
                }()) {
                k = 0;
                runs.push_back({first_contract_day_in_week(w, m), std::nullopt});
            }
            ++k;
            prev = m;
            auto need = p.threshold_weeks(m);
            if (need && k >= *need && !runs.back().T) runs.back().T = sunday_of(m) + days{1};
        }
    }
    // A chain's T: that of the run of work its first contract's work belongs to (the last run begun by
    // the end of that contract's first week); failing that, the first run begun after the previous chain.
    auto T_for = [&](day first_start, std::optional<day> after) -> std::optional<day> {
        work_run const* best = nullptr;
        for (auto const& r : runs)
            if (r.from <= sunday_of(monday_of(first_start))) best = &r;
        if (!best)
            for (auto const& r : runs)
                if (!after || r.from > *after) {
                    best = &r;
                    break;
                }
        return best ? best->T : std::nullopt;
    };
    auto sorted = by_start(w.contracts);
    std::vector<std::vector<contract const*>> groups;
    std::optional<day> latest_end;
    bool open = false;
    for (auto const* c : sorted) {
        if (c->start > R) break;
        if (c->kind == contract_kind::onbepaalde_tijd) {
            // An indefinite contract ends the chain; what follows starts afresh.
            groups.emplace_back();
            latest_end.reset();
            open = true;
            continue;
        }
        bool continues = false;
        if (!groups.empty() && !groups.back().empty() && !open && latest_end) {
            auto gap = p.gap_months(c->start);
            continues = gap && !gap_exceeds(*latest_end, c->start, *gap);
        } else if (!groups.empty() && !groups.back().empty() && open) {
            continues = true;
        }
        if (!continues) {
            groups.emplace_back();
            latest_end.reset();
            open = false;
        }
        groups.back().push_back(c);
        auto e = c->effective_end();
        if (!e) open = true;
        else if (!latest_end || *e > *latest_end) latest_end = e;
    }
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        auto const& g = groups[gi];
        if (g.empty()) continue;
        chain ch;
        std::optional<day> after;
        for (std::size_t pj = 0; pj < gi; ++pj)
            for (auto const* c : groups[pj])
                if (auto e = c->effective_end(); e && (!after || *e > *after)) after = e;
        auto T = T_for(g.front()->start, after);
        ch.counts_from = T;
        ch.first_start = g.front()->start;
        // Contracts of the chain that count: those running on or after T.
        std::vector<contract const*> counted;
        for (auto const* c : g) {
            auto e = c->effective_end();
            if (T && (!e || *e >= *T)) counted.push_back(c);
        }
        std::optional<day> end;
        bool end_open = false;
        for (auto const* c : g) {
            auto e = c->effective_end();
            if (!e) end_open = true;
            else if (!end || *e > *end) end = e;
        }
        ch.end = end_open ? std::nullopt : end;
        if (counted.empty()) {
            ch.start = g.front()->start;
            out.push_back(ch);
            continue;
        }
        day start = std::max(*T, counted.front()->start);
        ch.start = start;
        ch.contracts = static_cast<std::int64_t>(std::count_if(counted.begin(), counted.end(), [&](auto c) { return c->start <= R; }));
        std::optional<day> crossing;
        contract const* crossing_contract = nullptr;
        std::string reason;
        // One contract more than allowed: the limit is crossed on its start.
        for (std::size_t i = 0; i < counted.size(); ++i) {
            auto max = p.max_contracts(counted[i]->start);
            if (max && static_cast<std::int64_t>(i + 1) > *max) {
                crossing = counted[i]->start;
                crossing_contract = counted[i];
                reason = "contract " + std::to_string(i + 1) + " in de keten (maximum " + std::to_string(*max) + ")";
                break;
            }
        }
        // Longer than allowed: the earliest day d with d >= start + max_duur(d) months that the chain
        // still covers (gaps within the chain count toward the duration).
        if (auto longest = end_of_dated_duration(start, p.max_months, p.max_months_breakpoints);
            longest && (end_open || !end || *longest <= *end)) {
            day d = *longest;
            if (!crossing || d < *crossing) {
                crossing = d;
                reason = "keten langer dan " + std::to_string(p.max_months(d).value_or(0)) + " maanden";
                crossing_contract = nullptr;
                for (auto const* c : counted) {
                    auto e = c->effective_end();
                    if (c->start <= d && (!e || *e >= d)) crossing_contract = c;
                }
                if (!crossing_contract) crossing_contract = counted.back();
            }
        }
        if (crossing && *crossing <= R) {
            ch.crossed_on = crossing;
            ch.crossing_contract = crossing_contract;
            ch.reason = reason;
        }
        out.push_back(ch);
    }
    return out;
}

}  // namespace rw::engine::temporal
