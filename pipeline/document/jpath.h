/* jpath — a small jq-style path into a JSON record, for the rule cases.
 *
 *   .motion_type                      a member (null when absent)
 *   .nationality.code                 members of members
 *   .removal_countries[].code         every element of an array
 *   .country_mentions[role=="mpp_return"].code
 *                                     the elements whose member equals a JSON
 *                                     value (!= for the others)
 *   .a_numbers[0]                     one element
 *
 * A path that iterates ([] or a filter) yields a list: its result is a JSON
 * array of every value reached, in order (possibly empty).  A path that does
 * not yields the one value reached, or null.
 *
 * Ownership: ms_jpath_eval() returns a new JsonNode, freed with
 * json_node_unref(); NULL with *err set (a message, freed with g_free) when
 * the path is malformed.
 */
#ifndef MS_JPATH_H
#define MS_JPATH_H

#include <glib.h>
#include <json-glib/json-glib.h>

JsonNode *ms_jpath_eval(JsonNode *root, const char *path, char **err);

#endif
