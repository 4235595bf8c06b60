// The view of a tariff quote and of the re-quote list (engine/tariff.hpp, issue 14): each line with
// its base, rate, amount per hour and source; the cost price, the tariff and the factor; the floors;
// a refusal with its reason; every onzeker value with why. Text for people (decimal comma in
// Dutch), JSON with the names and cents, HTML as a printable quote for the client.
#pragma once

#include "rw/adapters/presentation/messages.hpp"
#include "rw/engine/tariff.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace rw::adapters::presentation {

struct quote_context {
    language lang = language::nl;
    std::string wage, contract, fase, age, hours, client, client_name, function;  // as given
    std::string agency;     // the agency's name (html), may be empty
    std::string placement;  // --placement: "W1001-P1 (W1001 Daan Verhoeven)"
};

void render_quote_text(std::ostream& out, engine::program const& prog, engine::quote const& q, quote_context const& c);
void render_quote_json(std::ostream& out, engine::quote const& q, quote_context const& c);
void render_quote_html(std::ostream& out, engine::program const& prog, engine::quote const& q, quote_context const& c);

void render_requote_text(std::ostream& out, std::vector<engine::requote_change> const& list, engine::day at, int weeks,
                         language l);
void render_requote_json(std::ostream& out, std::vector<engine::requote_change> const& list, engine::day at, int weeks);

/// "€ 15,00" (nl) / "€ 15.00" (en).
std::string money_for_people(std::int64_t cents, language l);
/// "7,74 %" (nl) / "7.74 %" (en): up to four decimals, trailing zeros dropped (two kept).
std::string percent_for_people(std::int64_t micro, language l);
/// A factor of millionths with `decimals` decimals: "1,5960" (nl).
std::string factor_for_people(std::int64_t micro, language l, int decimals = 4);

}  // namespace rw::adapters::presentation
