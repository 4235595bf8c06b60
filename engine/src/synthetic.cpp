// The synthetic agency (see synthetic.hpp). The proportions below are chosen so that every rule of
// the catalogue fires for a few percent of the workers, on top of a majority of clean dossiers.
#include "rw/engine/synthetic.hpp"

#include "rng.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace rw::engine::synthetic {

namespace {

using detail::rng;

constexpr std::array<char const*, 24> dutch_first = {"Jan",   "Sanne", "Daan",  "Emma",  "Bram",  "Lotte", "Sem",   "Fleur",
                                                     "Thijs", "Anouk", "Ruben", "Iris",  "Lars",  "Noor",  "Jesse", "Eva",
                                                     "Koen",  "Lisa",  "Milan", "Julia", "Tim",   "Sara",  "Niels", "Femke"};
constexpr std::array<char const*, 20> dutch_last = {"de Vries", "Jansen",   "de Jong", "Bakker",   "Visser",  "Smit",   "Meijer",
                                                    "de Boer",  "Mulder",   "Bos",     "Vos",      "Peters",  "Hendriks", "van Dijk",
                                                    "Dekker",   "Brouwer",  "de Wit",  "Dijkstra", "Kuipers", "van Leeuwen"};
struct country {
    char const* code;
    std::array<char const*, 4> first;
    std::array<char const*, 4> last;
};
constexpr std::array<country, 8> eu = {{
    {"PL", {"Piotr", "Katarzyna", "Tomasz", "Agnieszka"}, {"Kowalski", "Nowak", "Wiśniewska", "Mazur"}},
    {"RO", {"Andrei", "Ioana", "Mihai", "Elena"}, {"Popescu", "Ionescu", "Stan", "Dumitru"}},
    {"PT", {"João", "Ana", "Pedro", "Mariana"}, {"Silva", "Ferreira", "Costa", "Rodrigues"}},
    {"BG", {"Georgi", "Maria", "Ivan", "Desislava"}, {"Ivanov", "Petrova", "Dimitrov", "Georgieva"}},
    {"LT", {"Tomas", "Ieva", "Mantas", "Rūta"}, {"Kazlauskas", "Jankauskaitė", "Petrauskas", "Stankevičius"}},
    {"HU", {"Bence", "Anna", "Gábor", "Zsófia"}, {"Nagy", "Kovács", "Tóth", "Szabó"}},
    {"ES", {"Javier", "Lucía", "Carlos", "Marta"}, {"García", "Martínez", "López", "Sánchez"}},
    {"BE", {"Wout", "Lien", "Pieter", "Elke"}, {"Peeters", "Janssens", "Maes", "Claes"}},
}};
constexpr std::array<country, 7> non_eu = {{
    {"IN", {"Arjun", "Priya", "Rahul", "Ananya"}, {"Sharma", "Patel", "Singh", "Iyer"}},
    {"SY", {"Omar", "Lina", "Yusuf", "Rania"}, {"Haddad", "Khoury", "Saleh", "Nasser"}},
    {"UA", {"Dmytro", "Olena", "Andriy", "Iryna"}, {"Bondarenko", "Kovalenko", "Shevchenko", "Tkachenko"}},
    {"GB", {"Oliver", "Amelia", "Harry", "Isla"}, {"Bennett", "Clarke", "Hughes", "Walker"}},
    {"TR", {"Emre", "Elif", "Mehmet", "Zeynep"}, {"Yılmaz", "Kaya", "Demir", "Şahin"}},
    {"MA", {"Youssef", "Fatima", "Hamza", "Salma"}, {"El Amrani", "Benali", "Bouzid", "Haddou"}},
    {"BR", {"Lucas", "Beatriz", "Gabriel", "Larissa"}, {"Souza", "Oliveira", "Santos", "Lima"}},
}};
constexpr std::array<char const*, 10> functions = {"orderpicker",    "heftruckchauffeur", "productiemedewerker", "inpakker",
                                                   "teeltmedewerker", "schoonmaker",       "magazijnmedewerker",  "lasser",
                                                   "koerier",         "keukenmedewerker"};
constexpr std::array<char const*, 12> client_prefix = {"Distributiecentrum", "Kwekerij", "Bakkerij", "Metaalwerken", "Logistiek",
                                                       "Vleesverwerking",   "Koelhuis", "Drukkerij", "Pakketcentrum", "Tuinderij",
                                                       "Zuivelfabriek",     "Recycling"};
constexpr std::array<char const*, 12> client_place = {"Tilburg", "Venlo",   "Eindhoven", "Breda",   "Weert",   "Helmond",
                                                      "Roermond", "Moerdijk", "Oss",      "Maastricht", "Veghel", "Waalwijk"};

/// A country outside the EEA whose nationals need a permit (not the UK: residence rights).
country const& non_eu_countries(rng& r) {
    for (;;) {
        country const& c = non_eu[r.next() % non_eu.size()];
        if (std::string(c.code) != "GB" && std::string(c.code) != "UA") return c;
    }
}

std::uint64_t mix(std::uint64_t seed, std::uint64_t index) {
    rng r{seed * 0x2545F4914F6CDD1DULL ^ (index + 1) * 0x9E3779B97F4A7C15ULL};
    r.next();
    return r.next();
}

day monday_on_or_after(day d) { return iso_weekday(d) == 1 ? d : monday_of(d) + date::days{7}; }

std::vector<week_range> week_ranges(std::vector<std::pair<day, day>> const& periods) {
    std::vector<week_range> out;
    for (auto const& [a, b] : periods) {
        auto wa = iso_week_of(a), wb = iso_week_of(b);
        if (!out.empty() && monday_of(wa) <= monday_of(out.back().last)) {
            if (monday_of(wb) > monday_of(out.back().last)) out.back().last = wb;
            continue;
        }
        if (!out.empty() && monday_of(wa) == monday_of(out.back().last) + date::days{7}) {
            out.back().last = wb;
            continue;
        }
        out.push_back({wa, wb});
    }
    return out;
}

/// Dossier format v1.1 fields, drawn from their own random stream so that every v1 field of a
/// seed stays exactly what it was: most contracts concluded a few days before their start, prior
/// employment for about one worker in twelve, a language for most workers from abroad, and the
/// shifts of about a third of the placements.
void add_v11_fields(settings const& s, std::vector<client> const& clients, std::size_t index, worker& w) {
    rng r{mix(s.seed ^ 0x7631312E31ULL, index)};  // "v1.1"
    for (auto& ct : w.contracts)
        if (r.chance(0.7)) ct.concluded_on = add_days(ct.start, -r.between(1, 10));
    if (w.nationality && *w.nationality != "NL" && r.chance(0.7)) {
        static constexpr std::array<std::pair<char const*, char const*>, 15> languages = {{
            {"PL", "pl"}, {"RO", "ro"}, {"PT", "pt"}, {"BG", "bg"}, {"LT", "lt"}, {"HU", "hu"}, {"ES", "es"}, {"BE", "nl"},
            {"IN", "en"}, {"SY", "ar"}, {"UA", "uk"}, {"GB", "en"}, {"TR", "tr"}, {"MA", "ar"}, {"BR", "pt"}}};
        for (auto const& [nat, lang] : languages)
            if (*w.nationality == nat) w.language = lang;
    }
    for (auto& p : w.placements) {
        if (!r.chance(0.3)) continue;
        int roll = r.between(0, 99);
        p.shifts = roll < 60   ? std::vector<shift_kind>{shift_kind::dag}
                   : roll < 80 ? std::vector<shift_kind>{shift_kind::dag, shift_kind::avond}
                   : roll < 95 ? std::vector<shift_kind>{shift_kind::avond, shift_kind::nacht}
                               : std::vector<shift_kind>{shift_kind::dag, shift_kind::weekend};
    }
    if (w.contracts.empty() || !r.chance(0.08)) return;
    // Work before this agency, ending before the first contract here: at another agency (often at
    // a client of ours, and then often the same work), at a client itself, or elsewhere.
    day before = w.contracts.front().start;
    int records = r.chance(0.25) ? 2 : 1;
    for (int k = 0; k < records; ++k) {
        prior_employment e;
        int kind = r.between(0, 99);
        e.kind = kind < 60 ? prior_employer_kind::agency : kind < 85 ? prior_employer_kind::client : prior_employer_kind::other;
        client const& cl = clients[r.next() % clients.size()];
        if (e.kind == prior_employer_kind::client) {
            e.employer = cl.name;
            e.client = cl.id;
        } else if (e.kind == prior_employer_kind::agency) {
            static constexpr std::array<char const*, 5> agencies = {"Uitzendbureau Noord BV", "FlexPlus Uitzendgroep", "Werkt! Uitzenden",
                                                                    "Uitzendbureau Oost BV", "Payroll Zuid BV"};
            e.employer = r.pick(agencies);
            if (r.chance(0.6)) e.client = w.placements.empty() ? cl.id : w.placements.front().client;
        } else {
            e.employer = std::string(r.pick(client_prefix)) + " " + r.pick(client_place);
        }
        day end = add_days(before, -r.between(1, 120));
        e.start = add_days(end, -r.between(30, 540));
        if (!r.chance(0.1)) e.end = end;  // now and then the end is not known
        if (r.chance(0.8)) e.same_work = e.kind != prior_employer_kind::other && r.chance(0.6);
        w.prior_employments.insert(w.prior_employments.begin(), e);
        before = e.start;
    }
}

}  // namespace

person make_person(std::uint64_t draw, bool non_eu) {
    rng r{mix(draw, 0x9E75ULL)};
    if (non_eu) {
        country const& c = non_eu_countries(r);
        return {std::string(c.first[r.next() % 4]) + " " + c.last[r.next() % 4], c.code};
    }
    if (r.chance(0.7)) return {std::string(r.pick(dutch_first)) + " " + r.pick(dutch_last), "NL"};
    country const& c = eu[r.next() % eu.size()];
    return {std::string(c.first[r.next() % 4]) + " " + c.last[r.next() % 4], c.code};
}

std::string make_client_name(std::uint64_t draw) {
    rng r{mix(draw, 0xC11E47ULL)};
    return std::string(r.pick(client_prefix)) + " " + r.pick(client_place);
}

std::string make_function(std::uint64_t draw) {
    rng r{mix(draw, 0xF0ULL)};
    return r.pick(functions);
}

agency make_agency(settings const& s) {
    agency a;
    a.name = "Synthetisch Uitzendbureau BV";
    a.cao = s.cao;
    a.labels = s.cao == cao_kind::nbbu ? phase_labels::numbers : phase_labels::letters;
    // Registered as lender only in October 2019: the earliest placements break Waadi art 7a.
    a.lender_registered_from = *parse_date("2019-10-01");
    a.wtta_admitted_from = std::nullopt;  // not admitted yet: the Wtta action shows (and violations from 2027)
    a.ziektewet_erd = false;
    return a;
}

std::vector<client> make_clients(settings const& s) {
    std::vector<client> out;
    rng r{mix(s.seed, 0xC1E47)};
    for (int i = 0; i < s.clients; ++i) {
        client c;
        char id[16];
        std::snprintf(id, sizeof id, "K%04d", i + 1);
        c.id = id;
        c.name = std::string(r.pick(client_prefix)) + " " + r.pick(client_place) + " " + std::to_string(i + 1);
        // Every 30th client had a strike in the last two years; every 90th has one around the reference date.
        if (i % 30 == 7) {
            day from = monday_of(add_days(s.reference, -r.between(60, 700)));
            c.strikes.push_back({from, add_days(from, r.between(1, 6))});
        }
        if (i % 90 == 11) {
            day from = monday_of(add_days(s.reference, -r.between(0, 20)));
            c.strikes.push_back({from, add_days(from, r.between(3, 10))});
        }
        int nf = r.between(2, 4);
        for (int f = 0; f < nf; ++f) {
            std::string fn = functions[static_cast<std::size_t>((i + f * 3) % static_cast<int>(functions.size()))];
            std::int64_t base = 1450 + r.between(0, 650);  // 2024 reference wage in cents
            c.reference_wages.push_back({fn, money{base}, *parse_date("2024-01-01")});
            c.reference_wages.push_back({fn, money{base * 104 / 100}, *parse_date("2025-01-01")});
            c.reference_wages.push_back({fn, money{base * 107 / 100}, *parse_date("2026-01-01")});
        }
        out.push_back(std::move(c));
    }
    // Matching (issue 12), from a stream of its own so that every earlier field stays as it was:
    // every 10th client has an open vacancy starting 4 to 8 weeks after the reference date; one in
    // five has night shifts, two in five require VCA-basis.
    rng m{mix(s.seed, 0x6D61746368ULL)};  // "match"
    for (std::size_t i = 0; i < out.size(); i += 10) {
        auto& c = out[i];
        vacancy v;
        v.id = "V" + c.id.substr(1);
        v.function = c.reference_wages.empty() ? std::string(m.pick(functions)) : c.reference_wages.front().function;
        v.start = monday_of(add_days(s.reference, 7 * m.between(4, 8)));
        v.end = add_days(v.start, 7 * m.between(8, 26) - 3);  // a Friday
        v.hours_per_week = decimal{1000 * (m.chance(0.5) ? 38 : m.chance(0.5) ? 32 : 24)};
        int roll = m.between(0, 99);
        v.shifts = roll < 20 ? std::vector<shift_kind>{shift_kind::avond, shift_kind::nacht}
                 : roll < 60 ? std::vector<shift_kind>{shift_kind::dag}
                             : std::vector<shift_kind>{shift_kind::dag, shift_kind::avond};
        std::int64_t wage = c.reference_wages.empty() ? 1600 : c.reference_wages.back().hourly.cents;
        v.hourly_wage = money{wage};
        v.place = c.name.substr(c.name.find(' ') + 1);
        if (m.chance(0.4)) v.requirements.certificates = {"VCA-basis"};
        if (m.chance(0.3)) v.requirements.licences = {"heftruck"};
        v.requirements.languages = {"nl"};
        v.wishes.skills = {m.pick(functions)};
        c.vacancies.push_back(std::move(v));
    }
    return out;
}

worker make_worker(settings const& s, std::vector<client> const& clients, std::size_t index) {
    rng r{mix(s.seed, index)};
    day const R = s.reference;
    worker w;
    char id[16];
    std::snprintf(id, sizeof id, "W%07zu", index + 1);
    w.id = id;
    int origin = r.between(0, 99);
    country const* c = nullptr;
    if (origin < 60) {
        w.nationality = "NL";
        w.name = std::string(r.pick(dutch_first)) + " " + r.pick(dutch_last);
    } else {
        c = origin < 85 ? &eu[r.next() % eu.size()] : &non_eu[r.next() % non_eu.size()];
        w.nationality = c->code;
        w.name = std::string(c->first[r.next() % 4]) + " " + c->last[r.next() % 4];
    }
    bool needs_permit = origin >= 85 && std::string(*w.nationality) != "GB";
    bool british = w.nationality && *w.nationality == "GB";
    int age = r.chance(0.06) ? r.between(17, 20) : r.between(21, 62);
    w.birth_date = add_days(R, -(age * 365 + r.between(0, 364)));

    // About 3% are applicants who never worked here: rejected or withdrawn (AVG retention).
    if (r.chance(0.03)) {
        application a;
        a.status = r.chance(0.7) ? application_status::rejected : application_status::withdrawn;
        a.closed_on = add_days(R, -r.between(0, 420));
        a.retention_consent = r.chance(0.3);
        a.skills = {r.pick(functions)};
        a.languages = {"nl"};
        w.appl = a;
        return w;
    }

    // Contracts: a first start between 2019 and two weeks before R, then 1-12 contracts with mostly
    // no gap, sometimes weeks or months, and now and then more than 6 months (a reset).
    day start = monday_on_or_after(add_days(R, -r.between(14, 2700)));
    if (start < *parse_date("2019-01-07")) start = *parse_date("2019-01-07");
    int n = 1 + static_cast<int>(r.next() % 4) + static_cast<int>(r.next() % 5) + (r.chance(0.2) ? r.between(0, 4) : 0);
    n = std::min(n, 12);
    std::string last_client;
    std::vector<std::pair<day, day>> worked;
    // A diligent agency follows the phases: an agency clause in fase A, fixed-term contracts after
    // about a year of work, an indefinite one after about four; a few dossiers lag behind.
    int weeks_so_far = 0;
    bool diligent = !r.chance(0.06);
    for (int k = 0; k < n && start <= R; ++k) {
        contract ct;
        ct.id = w.id + "-C" + std::to_string(k + 1);
        int kind_roll = r.between(0, 99);
        bool last = k + 1 == n;
        ct.kind = kind_roll < 88 ? contract_kind::uitzendbeding : kind_roll < 95 ? contract_kind::bepaalde_tijd : contract_kind::oproep;
        if (diligent && weeks_so_far >= 50) ct.kind = kind_roll < 92 ? contract_kind::bepaalde_tijd : contract_kind::oproep;
        if (diligent && weeks_so_far >= 50 + 150) ct.kind = contract_kind::onbepaalde_tijd;
        if (ct.kind == contract_kind::onbepaalde_tijd) {
            n = k + 1;
            last = true;
        }
        ct.start = start;
        int weeks = ct.kind == contract_kind::oproep ? r.between(30, 70) : r.chance(0.04) ? r.between(1, 3) : r.between(4, 40);
        if (ct.kind == contract_kind::bepaalde_tijd && r.chance(0.3)) weeks = r.between(26, 60);
        // A diligent agency lets an agency-clause contract end before fase B and a fixed-term one
        // before fase C (the weeks here are calendar weeks, a close enough stand-in).
        if (diligent && ct.kind == contract_kind::uitzendbeding && weeks_so_far + weeks > 50) weeks = std::max(1, 50 - weeks_so_far);
        if (diligent && ct.kind == contract_kind::bepaalde_tijd && weeks_so_far + weeks > 190) weeks = std::max(4, 190 - weeks_so_far);
        if (ct.kind != contract_kind::onbepaalde_tijd && !(last && ct.kind == contract_kind::uitzendbeding && r.chance(0.5)))
            ct.end = add_days(start, 7 * weeks - 1);
        ct.hours_per_week = decimal{(ct.kind == contract_kind::oproep ? 0 : r.between(8, 40)) * 1000};
        ct.probation_months = r.chance(0.005) ? 1 : r.chance(0.003) ? 2 : 0;
        if (ct.kind == contract_kind::bepaalde_tijd && ct.end && *ct.end >= add_months(ct.start, 6) - date::days{1}) {
            day due = add_months(*ct.end, -1);
            if (due <= R || r.chance(0.5)) {
                if (r.chance(0.9)) ct.renewal_notice_on = add_days(due, -r.between(0, 14));
                else if (r.chance(0.5)) ct.renewal_notice_on = add_days(due, r.between(1, 10));
            }
            if (ct.renewal_notice_on && *ct.renewal_notice_on > R) ct.renewal_notice_on.reset();
        }
        if (ct.end && *ct.end < R && r.chance(0.05)) {
            ct.ended_on = add_days(*ct.end, -r.between(1, 14));
            if (*ct.ended_on < ct.start) ct.ended_on = ct.start;
            ct.ended_by = ended_by_kind::client_request;
        }
        day eff_end = ct.effective_end() ? *ct.effective_end() : add_days(R, 3650);
        // A placement per contract, usually at a new client, sometimes at the same one again.
        placement p;
        p.id = w.id + "-P" + std::to_string(k + 1);
        p.contract = ct.id;
        client const& cl = (!last_client.empty() && r.chance(0.3))
                               ? *std::find_if(clients.begin(), clients.end(), [&](client const& x) { return x.id == last_client; })
                               : clients[r.next() % clients.size()];
        last_client = cl.id;
        p.client = cl.id;
        auto const& rw = cl.reference_wages[r.next() % cl.reference_wages.size()];
        p.function = rw.function;
        p.start = ct.start;
        p.end = ct.end;
        std::int64_t ref = rw.hourly.cents;
        for (auto const& x : cl.reference_wages)
            if (x.function == rw.function && x.from <= std::min(eff_end, R)) ref = x.hourly.cents;
        std::int64_t wage = ref + r.between(0, 250);
        if (r.chance(0.006)) wage = ref - r.between(5, 60);     // below the client's reference wage
        if (r.chance(0.003)) wage = 1250 + r.between(0, 100);   // below the minimum wage (21+)
        if (age <= 20 && r.chance(0.3)) wage = 900 + r.between(0, 400);
        p.hourly_wage = money{wage};
        if (r.chance(0.03) && !cl.strikes.empty()) {
            p.start = cl.strikes.front().from;  // a placement started during a strike
            if (p.start < ct.start || p.start > eff_end) p.start = ct.start;
        }
        w.placements.push_back(p);
        day work_end = std::min(eff_end, R);
        if (work_end >= ct.start) weeks_so_far += static_cast<int>((work_end - ct.start).count() / 7) + 1;
        if (ct.kind != contract_kind::oproep || r.chance(0.8)) worked.emplace_back(ct.start, work_end);
        w.contracts.push_back(ct);
        // The gap to the next contract.
        int gap_roll = r.between(0, 99);
        int gap_days = gap_roll < 70 ? 1 : gap_roll < 90 ? r.between(7, 56) : gap_roll < 97 ? r.between(60, 170) : r.between(200, 420);
        if (gap_days > 190) weeks_so_far = 0;  // more than 6 months: the phases start again
        if (!ct.effective_end()) break;
        start = monday_on_or_after(add_days(*ct.effective_end(), gap_days));
    }
    w.worked_weeks = week_ranges(worked);
    // A paid-holiday week now and then, taken out of a longer stretch of worked weeks.
    if (!w.worked_weeks.empty() && r.chance(0.4)) {
        auto& wr = w.worked_weeks.back();
        day a = monday_of(wr.first), b = monday_of(wr.last);
        if ((b - a).count() >= 28) {
            day h = a + date::days{7 * r.between(1, static_cast<int>((b - a).count() / 7) - 1)};
            week_range before{wr.first, iso_week_of(h - date::days{7})}, after{iso_week_of(h + date::days{7}), wr.last};
            w.worked_weeks.pop_back();
            w.worked_weeks.push_back(before);
            w.worked_weeks.push_back(after);
            w.paid_holiday_weeks.push_back({iso_week_of(h), iso_week_of(h)});
        }
    }
    day first_start = w.contracts.front().start;

    identity ident;
    int doc = r.between(0, 999);
    ident.document = doc < 10 ? document_kind::driving_licence : doc < 15 ? document_kind::other
                  : needs_permit || british       ? document_kind::passport
                  : doc < 600                     ? document_kind::id_card
                                                  : document_kind::passport;
    ident.number = "XX" + std::to_string(1000000 + r.between(0, 8999999));
    ident.expires = add_days(R, r.between(-120, 3600));
    ident.checked_on = r.chance(0.02) ? add_days(first_start, r.between(1, 20)) : add_days(first_start, -r.between(0, 10));
    if (r.chance(0.005)) ident.checked_on.reset();
    ident.copy_kept = !r.chance(0.02);
    w.ident = ident;

    if (needs_permit) {
        work_permit p;
        std::string nat = *w.nationality;
        day first_placement = w.placements.front().start;
        if (nat == "UA") {
            p.kind = permit_kind::temporary_protection_ua;
            p.notified_on = working_days_before(first_placement, r.chance(0.9) ? r.between(2, 8) : 1);
        } else if (nat == "SY" && r.chance(0.6)) {
            p.kind = permit_kind::residence_free;
            p.valid_from = add_days(first_start, -400);
            p.valid_until = add_days(R, r.between(200, 2000));
        } else if (r.chance(0.15)) {
            p.kind = permit_kind::student;
            p.valid_from = add_days(first_start, -30);
            p.valid_until = add_days(R, r.between(30, 700));
            if (r.chance(0.5))
                for (auto& ct : w.contracts) ct.hours_per_week = decimal{16000};
        } else {
            p.kind = r.chance(0.7) ? permit_kind::twv : permit_kind::gvva;
            p.valid_from = add_days(first_start, -r.between(0, 30));
            p.valid_until = add_days(R, r.between(-150, 700));
            // A worker who started after the permit ran out: the permit still cannot end before
            // it starts (import refuses that); it ends the day it starts (no extra draw, so every
            // seed keeps generating the same agency otherwise).
            if (*p.valid_until < *p.valid_from) p.valid_until = p.valid_from;
        }
        w.permit = p;
    } else if (british && first_start < *parse_date("2021-01-01") && r.chance(0.5)) {
        w.permit = work_permit{permit_kind::residence_free, first_start, add_days(R, 1500), std::nullopt, std::nullopt};
    }

    // Sickness for about one in eight: episodes at every stage, steps mostly on time.
    if (r.chance(0.12)) {
        sickness z;
        day lo = std::max(first_start, add_days(R, -760));
        int span = static_cast<int>((R - lo).count());
        if (span > 0) {
            z.first_day = add_days(lo, r.between(0, span));
            if (r.chance(0.55)) z.recovered_on = add_days(z.first_day, r.between(2, 90));
            if (z.recovered_on && *z.recovered_on > R) z.recovered_on.reset();
            auto step = [&](int offset) -> opt_day {
                day due = add_days(z.first_day, offset);
                if (due > R || (z.recovered_on && *z.recovered_on <= due)) return std::nullopt;  // not (yet) needed
                if (r.chance(0.88)) return add_days(due, -r.between(0, 10));                     // on time
                if (r.chance(0.5)) return add_days(due, r.between(1, 20));                       // late
                return std::nullopt;                                                             // missing
            };
            auto const& lastc = w.contracts.back();
            if (lastc.effective_end() && r.chance(0.2) && *lastc.effective_end() > lo) {
                // Sick when the last contract ends: ziek uit dienst (reported to UWV or not).
                day e = *lastc.effective_end();
                z.first_day = std::max(lo, add_days(e, -r.between(5, 120)));
                z.recovered_on.reset();
            }
            z.steps.bedrijfsarts_melding = add_days(z.first_day, r.between(0, 5));
            z.steps.probleemanalyse = step(41);
            z.steps.plan_van_aanpak = step(55);
            z.steps.uwv_ziekmelding = step(294);
            z.steps.eerstejaarsevaluatie = step(363);
            z.steps.wia_aanvraag = step(650);
            for (auto* sd : {&z.steps.probleemanalyse, &z.steps.plan_van_aanpak, &z.steps.uwv_ziekmelding, &z.steps.eerstejaarsevaluatie,
                             &z.steps.wia_aanvraag})
                if (*sd && **sd > R) sd->reset();
            w.sicknesses.push_back(z);
        }
    }
    if (r.chance(0.5)) {
        application a;
        a.status = application_status::placed;
        a.skills = {r.pick(functions), r.pick(functions)};
        a.languages = {"nl"};
        a.available_hours_per_week = decimal{r.between(16, 40) * 1000};
        w.appl = a;
    }
    add_v11_fields(s, clients, index, w);
    // Matching (issue 12), from a stream of its own: one placed worker in five is looking for work
    // again (status active), and every application gets a profile (certificates, licences, shifts,
    // availability, travel distance); status active changes no rule's finding (avg.sollicitant reads
    // rejected and withdrawn only).
    if (w.appl && w.appl->status == application_status::placed) {
        rng m{mix(s.seed ^ 0x6D61746368ULL, index)};  // "match"
        auto& a = *w.appl;
        if (m.chance(0.2)) a.status = application_status::active;
        if (m.chance(0.5)) a.certificates.push_back({"VCA-basis", add_days(R, m.between(-60, 1500))});
        a.licences = m.chance(0.3) ? std::vector<std::string>{"B", "heftruck"} : std::vector<std::string>{"B"};
        int roll = m.between(0, 99);
        a.shifts = roll < 30 ? std::vector<shift_kind>{shift_kind::dag}
                 : roll < 70 ? std::vector<shift_kind>{shift_kind::dag, shift_kind::avond}
                             : std::vector<shift_kind>{shift_kind::dag, shift_kind::avond, shift_kind::nacht};
        a.available_from = add_days(R, m.between(0, 60));
        a.max_travel_km = decimal{1000 * m.between(10, 50)};
        a.preferred_functions = {m.pick(functions)};
    }
    return w;
}

}  // namespace rw::engine::synthetic
