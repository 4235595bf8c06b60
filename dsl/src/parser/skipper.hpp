// Whitespace and '#' comments, as one hand-written parser (so its type is simple to spell).
#pragma once

#include <boost/spirit/home/x3/core/parser.hpp>
#include <boost/spirit/home/x3/support/unused.hpp>

namespace rw::dsl::parser {

namespace x3 = boost::spirit::x3;

struct skipper_parser : x3::parser<skipper_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        if (first == last) return false;
        char c = *first;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++first;
            return true;
        }
        if (c == '#') {
            while (first != last && *first != '\n') ++first;
            return true;
        }
        return false;
    }
};

inline skipper_parser const skipper{};

}  // namespace rw::dsl::parser
