// The rulebook as data: every rule, parameter (with its dated versions and exceptions), table
// (with its dated rows), fact and source, and every value marked onzeker, by id, so that other
// modules (guidance, exam questions, web pages) can link to them without parsing text
// (`regelwerk rules catalogue`).
#pragma once

#include "rw/adapters/presentation/messages.hpp"
#include "rw/engine/program.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace rw::adapters::presentation {

struct catalogue_version {
    std::string value;  // parameters and exceptions; empty for table versions
    std::string label;  // an exception's label; empty otherwise
    engine::day from;
    engine::opt_day to;
    std::vector<std::string> sources;  // source ids
    std::string uncertain;             // the onzeker reason; empty: certain
    std::vector<std::pair<std::string, std::string>> rows;  // tables: key, value (a key covers up to the next)
    std::string location;                                   // file:line:col, when known
};

struct catalogue_view {
    std::string rules_hash;
    std::vector<std::string> files;
    struct source_row {
        std::string id, title, url;
    };
    struct rule_row {
        std::string id, variant, exception_of, kind, location, uncertain;
        std::string task;  // guidance (issue 13): wettelijk | beleid | "" (no task)
        engine::day valid_from;
        engine::opt_day valid_to;
        bool agency_level = false;
        std::vector<std::string> citations;  // rendered article texts
        std::vector<std::string> sources;    // source ids of the citations
    };
    struct parameter_row {
        std::string id, type, location, uncertain;  // uncertain: the parameter's own onzeker reason
        std::vector<std::pair<std::string, std::string>> args;  // name, type
        bool onzeker = false;  // the parameter, a version or an exception is marked onzeker
        std::vector<catalogue_version> versions, exceptions;
    };
    struct table_row {
        std::string id, type, location;
        std::vector<std::pair<std::string, std::string>> keys;  // name, type (a table may have several keys)
        bool onzeker = false;
        std::vector<catalogue_version> versions;
    };
    struct fact_row {
        std::string id, type, location;
        bool helper = false, per_agency = false;
    };
    /// One value marked onzeker: what (rule | parameter | parameter_version | parameter_exception |
    /// table_version), its id, the period when dated, and the reason.
    struct uncertain_row {
        std::string what, id, reason;
        engine::opt_day from, to;
    };
    std::vector<source_row> sources;
    std::vector<rule_row> rules;
    std::vector<parameter_row> parameters;
    std::vector<table_row> tables;
    std::vector<fact_row> facts;
    std::vector<uncertain_row> uncertain;
};

catalogue_view build_catalogue(engine::program const& prog);
void render_catalogue_text(std::ostream& out, catalogue_view const& c, language lang);
void render_catalogue_json(std::ostream& out, catalogue_view const& c);

}  // namespace rw::adapters::presentation
