#pragma once
// The JSON mappings (Boost.JSON tag_invoke for value_from) that more than one area answers
// with. Each is defined in the file of the area that owns the view; an area's other views
// are mapped in its own file only.

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "common/ids.hpp"
#include "http/handler.hpp"
#include "service/catalogue_service.hpp"
#include "service/practice_service.hpp"
#include "service/treatment_session_service.hpp"

namespace huidig {

// An id is its string.
template <class Tag>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const Id<Tag>& id) {
  jv = id.value;
}

}  // namespace huidig

namespace huidig::service {

// practice_handlers.cpp
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const PracticeView& p);
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const LocationView& l);

}  // namespace huidig::service

namespace huidig::http {

// catalogue_handlers.cpp: the full type, with its name in the caller's language.
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv,
                const Localized<service::TreatmentTypeView>& t);
// treatment_session_handlers.cpp
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv,
                const Localized<service::TreatmentSessionView>& s);

// A type as a trajectory or session names it: id, version and name (and more, where asked).
boost::json::object TreatmentTypeRef(const domain::TreatmentType& t, Lang lang);

}  // namespace huidig::http
