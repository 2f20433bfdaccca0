// A small framework built in the tests, so that they do not depend on the built-in release: two
// roles of three and two levels, and four skills.
#pragma once

#include "ddat/load/framework_loader.hpp"
#include "ddat/model.hpp"

namespace ddat_test {

inline const ddat::Framework& small_framework() {
    static const ddat::Framework framework = ddat::load_framework_sources({{"small.yaml", R"(framework:
  title: Small
families:
  - id: fam
    name: Family
skills:
  - id: analysis
    name: Analysis
  - id: coding
    name: Coding
  - id: data
    name: Data
  - id: people
    name: People
roles:
  - id: analyst
    name: Analyst
    family: fam
    levels:
      - id: junior-analyst
        name: Junior analyst
        requirements:
          analysis: {level: awareness}
          data: {level: awareness}
      - id: analyst
        name: Analyst
        requirements:
          analysis: {level: working}
          data: {level: working}
      - id: senior-analyst
        name: Senior analyst
        requirements:
          analysis: {level: practitioner}
          data: {level: practitioner}
          people: {level: working}
  - id: engineer
    name: Engineer
    family: fam
    levels:
      - id: junior-engineer
        name: Junior engineer
        requirements:
          coding: {level: awareness}
          data: {level: awareness}
      - id: engineer
        name: Engineer
        requirements:
          coding: {level: practitioner}
          data: {level: working}
      - id: lead-engineer
        name: Lead engineer
        requirements:
          coding: {level: expert}
          data: {level: practitioner}
          people: {level: practitioner}
)"}});
    return framework;
}

}  // namespace ddat_test
