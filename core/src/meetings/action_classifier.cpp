#include "nextstep/meetings/action_classifier.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace nextstep {
namespace {

using P = std::string_view;

// Commitment: the customer spends their own effort or takes a risk (DOMAIN.md rule 4).
constexpr P kIntroduce[] = {"introduce",       "introduction to", "connect us with",
                            "put us in touch", "bring in the",    "arrange a meeting with the"};
constexpr P kStakeholders[] = {
    "meet the",      "meeting with the", "meet with",   "invite the",
    "bring the",     "involve the",      "stakeholder", "present to the board",
    "workshop with", "take us to"};
constexpr P kTogether[] = {"go through the proposal",
                           "walk through the proposal",
                           "review the proposal together",
                           "together with us",
                           "together with the rep",
                           "go through it together",
                           "review together",
                           "joint review"};
constexpr P kShare[] = {
    "share",       "give us access to their", "provide their", "send us their",  "internal data",
    "org chart",   "requirements document",   "financials",    "budget figures", "spend data",
    "confidential"};
constexpr P kDecide[] = {"sign",           "purchase order",  "approve the budget",
                         "book the pilot", "start the pilot", "site visit",
                         "plant tour",     "allocate budget"};

// Compliance: the customer asks the rep for work.
constexpr P kProposal[] = {
    "send a proposal", "send the proposal", "send proposal",  "send us a proposal",
    "send an offer",   "send a quote",      "send the quote", "quote",
    "price list",      "pricing",           "proposal"};
constexpr P kProof[] = {"testimonial", "reference", "case stud", "success stor"};
constexpr P kOutline[] = {"outline", "process overview", "overview of the process",
                          "how the process works"};
constexpr P kTrial[] = {"trial",        "free access", "demo account",
                        "test account", "sandbox",     "free version"};
constexpr P kInfo[] = {"brochure",  "more information", "more info",  "documentation",
                       "datasheet", "white paper",      "whitepaper", "material",
                       "slides",    "send over",        "email us"};

constexpr ActionPattern kCatalogue[] = {
    {"introduce_decision_maker", ActionKind::kCommitment, "Introduces the decision maker",
     kIntroduce},
    {"review_proposal_together", ActionKind::kCommitment, "Goes through the proposal with the rep",
     kTogether},
    {"meet_stakeholders", ActionKind::kCommitment, "Meets other stakeholders", kStakeholders},
    {"share_documents", ActionKind::kCommitment, "Shares sensitive or critical documents", kShare},
    {"decide", ActionKind::kCommitment, "Commits budget, signature or site time", kDecide},
    {"send_proposal", ActionKind::kCompliance, "Asks for a proposal or a price", kProposal},
    {"testimonials", ActionKind::kCompliance, "Asks for testimonials or references", kProof},
    {"process_outline", ActionKind::kCompliance, "Asks for an outline of the process", kOutline},
    {"free_trial", ActionKind::kCompliance, "Asks for free access or a trial", kTrial},
    {"more_information", ActionKind::kCompliance, "Asks for more information", kInfo},
};

// "The customer asked us to ..." turns anything that follows into work for the rep.
constexpr P kAskMarkers[] = {"asked for",   "asks for",         "asked us",
                             "asks us",     "wants us to",      "requested",
                             "request for", "would like us to", "send them"};

std::string lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool contains(const std::string& text, std::string_view phrase) {
  return text.find(phrase) != std::string::npos;
}

const ActionPattern* firstMatch(const std::string& text, ActionKind kind) {
  for (const ActionPattern& p : kCatalogue) {
    if (p.kind != kind) continue;
    for (P phrase : p.phrases) {
      if (contains(text, phrase)) return &p;
    }
  }
  return nullptr;
}

}  // namespace

std::span<const ActionPattern> actionCatalogue() { return kCatalogue; }

ActionClass classifyAction(ActionOwner owner, std::string_view text) {
  if (owner == ActionOwner::kRep) return {};
  const std::string t = lowercase(text);
  const bool asks = std::any_of(std::begin(kAskMarkers), std::end(kAskMarkers),
                                [&](P m) { return contains(t, m); });
  const ActionPattern* compliance = firstMatch(t, ActionKind::kCompliance);
  if (asks) {
    if (compliance != nullptr) return {compliance->kind, compliance->id, compliance->label};
    const ActionPattern& info = kCatalogue[std::size(kCatalogue) - 1];
    return {info.kind, info.id, info.label};
  }
  if (const ActionPattern* c = firstMatch(t, ActionKind::kCommitment)) {
    return {c->kind, c->id, c->label};
  }
  if (compliance != nullptr) return {compliance->kind, compliance->id, compliance->label};
  return {};
}

}  // namespace nextstep
