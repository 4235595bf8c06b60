// The texts for the flex worker and the client and their text and JSON forms (see texts_view.hpp).
#include "rw/adapters/presentation/texts_view.hpp"

#include "rw/adapters/presentation/escape.hpp"
#include "rw/adapters/presentation/render.hpp"
#include "rw/engine/calendar.hpp"

namespace rw::adapters::presentation {

std::string_view audience_code(text_audience a) { return a == text_audience::worker ? "werker" : "inlener"; }

texts_view build_texts_view(engine::program const& prog, std::vector<engine::client> const& clients, engine::worker const& w,
                            std::vector<engine::finding> const& findings, engine::day reference, language l,
                            text_audience audience, std::string requested, bool language_recorded) {
    texts_view v;
    v.lang = l;
    v.audience = audience;
    v.reference = reference;
    v.worker_id = w.id;
    v.name = w.name;
    v.requested = std::move(requested);
    v.language_recorded = language_recorded;
    for (auto const& f : findings) {
        auto const& t = audience == text_audience::worker ? f.worker_text : f.client_text;
        if (!t || t->text.empty()) continue;
        texts_view::item it;
        it.rule = f.rule;
        it.variant = f.variant;
        it.title = people_name(prog, engine::label_kind::regel, f.rule, l);
        it.kind = f.kind;
        it.contract = f.contract;
        it.placement = f.placement;
        if (!f.placement.empty())
            for (auto const& p : w.placements)
                if (p.id == f.placement)
                    for (auto const& c : clients)
                        if (c.id == p.client) it.client = c.name.empty() ? c.id : c.name;
        it.due = f.due;
        it.text = t->text;
        it.text_lang = t->lang;
        it.fallback = t->fallback();
        v.texts.push_back(std::move(it));
    }
    return v;
}

void render_texts_text(std::ostream& out, texts_view const& v) {
    auto const l = v.lang;
    bool worker = v.audience == text_audience::worker;
    out << text(worker ? msg::texts_for_worker : msg::texts_for_client, l) << terminal_safe(v.name) << " (" << terminal_safe(v.worker_id)
        << ")" << text(msg::on_date, l) << engine::format_date_weekday(v.reference, code(l)) << "\n";
    out << text(msg::texts_language, l) << terminal_safe(v.requested);
    if (!v.language_recorded) out << text(msg::texts_not_recorded, l);
    out << "\n";
    if (v.texts.empty()) {
        out << "\n" << text(msg::texts_none, l) << "\n";
        return;
    }
    for (auto const& t : v.texts) {
        out << "\n" << terminal_safe(t.title);
        if (!t.client.empty()) out << " · " << text(msg::texts_client, l) << terminal_safe(t.client);
        out << "\n";
        if (t.fallback)
            out << "  " << text(msg::texts_fallback, l) << terminal_safe(v.requested) << text(msg::texts_fallback_end, l) << "\n";
        out << "  " << terminal_safe(t.text) << "\n";
    }
}

void render_texts_json(std::ostream& out, texts_view const& v) {
    nlohmann::ordered_json j;
    j["worker"] = v.worker_id;
    j["name"] = v.name;
    j["reference_date"] = engine::format_date(v.reference);
    j["for"] = std::string(audience_code(v.audience));
    j["language"] = v.requested;
    j["language_recorded"] = v.language_recorded;
    auto& arr = j["texts"] = nlohmann::ordered_json::array();
    for (auto const& t : v.texts) {
        nlohmann::ordered_json x;
        x["rule"] = t.rule;
        if (!t.variant.empty()) x["variant"] = t.variant;
        x["kind"] = engine::to_string(t.kind);
        x["contract"] = t.contract.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.contract);
        x["placement"] = t.placement.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.placement);
        x["client"] = t.client.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(t.client);
        x["due"] = t.due ? nlohmann::ordered_json(engine::format_date(*t.due)) : nlohmann::ordered_json();
        x["language"] = t.text_lang;
        x["fallback"] = t.fallback;
        x["text"] = t.text;
        arr.push_back(std::move(x));
    }
    out << dump_json(j, 2) << "\n";
}

}  // namespace rw::adapters::presentation
