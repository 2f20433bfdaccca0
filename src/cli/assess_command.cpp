// ddat assess --target LEVEL -o FILE [--force]: asks for each skill of the target, one question
// at a time, and writes the self-assessment. Questions go to standard error and answers come from
// standard input, so a pipe can answer as well as a person at a terminal.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/app.hpp"
#include "ddat/resolve.hpp"
#include "ddat/safe_write.hpp"
#include "ddat/text.hpp"
#include "ddat/write/assessment_template.hpp"

namespace ddat::cli {

namespace {

struct AssessOptions {
    std::string target;
    std::string output;
    bool force = false;
};

// What a person typed: an answer, or "b"/"back", or "q"/"quit".
enum class Reply : std::uint8_t { answer, back, quit };

struct Answer {
    Reply reply = Reply::answer;
    std::string text;
};

// The style of the questions on standard error: its own terminal's width and colour.
Style question_style() { return terminal_style(STDERR_FILENO, ::isatty(STDERR_FILENO) == 1, "auto", 80, 40); }

class Interview {
public:
    Interview(std::ostream& err, const Style& style) : err_(err), style_(style), echo_(::isatty(STDIN_FILENO) == 1) {}

    // Asks one question; nullopt when standard input has ended.
    std::optional<Answer> ask(const std::string& question, const std::string& current) {
        err_ << question << (current.empty() ? std::string() : " [" + current + "]") << ": " << std::flush;
        std::string line;
        if (!std::getline(std::cin, line)) {
            err_ << '\n';
            return std::nullopt;
        }
        if (!echo_) {
            // A terminal shows what was typed; from a pipe, show it so the questions read as a dialogue.
            err_ << line << '\n';
        }
        const std::string text(trim(line));
        const std::string word = to_lower(text);
        if (word == "b" || word == "back") {
            return Answer{Reply::back, {}};
        }
        if (word == "q" || word == "quit") {
            return Answer{Reply::quit, {}};
        }
        return Answer{Reply::answer, text};
    }

    void say(const std::string& text, std::string_view indent = "") { write_wrapped(err_, text, style_, indent); }
    // A question's heading, wrapped and in bold (the text made visible before the style is added).
    void heading(const std::string& text) {
        for (const auto& line : wrap(visible(text), static_cast<std::size_t>(std::max(style_.width, 40)))) {
            err_ << style_.bold(line) << '\n';
        }
    }

    // A bullet, its continuation lines hanging under its text.
    void bullet(const std::string& text, const std::string& indent) {
        const auto width = static_cast<std::size_t>(std::max(style_.width, 40)) - indent.size() - 2;
        const auto lines = wrap(text, width);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            err_ << indent << (i == 0 ? "• " : "  ") << lines[i] << '\n';
        }
    }
    void blank() { err_ << '\n'; }
    [[nodiscard]] const Style& style() const { return style_; }
    // True when the answers come from a pipe or file rather than a person at a terminal.
    [[nodiscard]] bool piped() const { return !echo_; }
    std::ostream& err() { return err_; }

private:
    std::ostream& err_;
    Style style_;
    bool echo_;  // true when the terminal echoes what is typed
};

void show_skill(Interview& interview, const Framework& framework, const RoleLevel& target, std::size_t index) {
    const Requirement& requirement = target.requirements[index];
    const Skill* skill = framework.find_skill(requirement.skill_id);
    interview.blank();
    interview.heading("Skill " + std::to_string(index + 1) + " of " + std::to_string(target.requirements.size()) +
                      ": " + (skill != nullptr ? skill->name : requirement.skill_id));
    interview.say(target.name + " asks: " + std::string(required_level_word(requirement)), "  ");
    if (const std::string& text = framework.requirement_text(requirement); !text.empty()) {
        interview.say(text, "    ");
    }
    interview.say("Levels: 0 none, 1 awareness, 2 working, 3 practitioner, 4 expert", "  ");
}

void show_criterion(Interview& interview, const RoleLevel& target, std::size_t index) {
    const Criterion& criterion = target.criteria[index];
    interview.blank();
    interview.heading("Criterion " + std::to_string(index + 1) + " of " + std::to_string(target.criteria.size()) +
                      ": " + criterion.name + " (" +
                      (criterion.kind == CriterionKind::competence ? "competence" : "specialist skills") + ")");
    for (const auto& [heading, items] :
         {std::pair{"Essential", &criterion.essential}, std::pair{"Desirable", &criterion.desirable}}) {
        if (items->empty()) {
            continue;
        }
        interview.say(std::string(heading) + ":", "  ");
        for (const auto& item : *items) {
            interview.bullet(item, "    ");
        }
    }
}

// Asks for evidence: true when answered, false to go back to the level or status question
// (quit set when the person quit), nullopt when input ended.
std::optional<bool> ask_evidence(Interview& interview, std::string& evidence, bool& quit) {
    const auto answer = interview.ask(
        evidence.empty() ? "Evidence, in one line (Enter to skip)" : "Evidence (Enter keeps it; - removes it)",
        evidence.empty() ? "" : "keep");
    if (!answer) {
        return std::nullopt;
    }
    if (answer->reply == Reply::quit) {
        quit = true;
        return true;
    }
    if (answer->reply == Reply::back) {
        return false;
    }
    if (answer->text == "-") {
        evidence.clear();
    } else if (!answer->text.empty()) {
        evidence = answer->text;
    }
    return true;
}

// Where a question left the interview: at the next question, at the same one again (the answer was
// refused), back at the previous one, quit, or at the end of standard input.
enum class Step : std::uint8_t { next, again, back, quit, ended };

// The step a reply to a question takes, before its text is looked at: next for an answer.
Step step_of(const std::optional<Answer>& answer) {
    if (!answer) {
        return Step::ended;
    }
    if (answer->reply == Reply::quit) {
        return Step::quit;
    }
    return answer->reply == Reply::back ? Step::back : Step::next;
}

// Asks question until parse takes the answer (Enter keeps value; refusal is said otherwise), then for
// evidence when needs_evidence(value); back from the evidence asks the question again.
template <typename Value, typename Parse, typename NeedsEvidence>
Step ask_with_evidence(Interview& interview, const std::string& question, Value& value, std::string& evidence,
                       Parse parse, const std::string& refusal, NeedsEvidence needs_evidence) {
    for (;;) {
        auto answer = interview.ask(question, std::string(to_string(value)));
        if (const Step step = step_of(answer); step != Step::next) {
            return step;
        }
        if (!answer->text.empty()) {
            const auto parsed = parse(answer->text);
            if (!parsed) {
                interview.say(refusal, "  ");
                continue;
            }
            value = *parsed;
        }
        if (!needs_evidence(value)) {
            return Step::next;
        }
        bool quit = false;
        const auto done = ask_evidence(interview, evidence, quit);
        if (!done) {
            // the end of piped answers keeps the evidence as it is, as Enter does
            return interview.piped() ? Step::next : Step::ended;
        }
        if (quit) {
            return Step::quit;
        }
        if (*done) {
            return Step::next;
        }
    }
}

// The interview. Returns the answers, or nullopt when the person quit. When piped answers end,
// a question with a default takes it (the name and current level are left out, the file is
// written); a skill level or criterion has none, so answers that end before the last of them
// throw InputError and nothing is written. At a terminal, the end of input (Ctrl-D) quits.
std::optional<SelfAssessment> interview_person(Interview& interview, const Framework& framework,
                                               const RoleLevel& target, const std::string& file) {
    SelfAssessment answers;
    answers.target_level_id = target.id;
    for (const auto& requirement : target.requirements) {
        answers.skills.push_back({requirement.skill_id, SkillLevel::none, {}, {}, std::nullopt, {}});
    }
    for (const auto& criterion : target.criteria) {
        answers.criteria.push_back({criterion.id, CriterionStatus::not_met, {}, {}});
    }
    const std::size_t skills = target.requirements.size();
    const std::size_t criteria = target.criteria.size();
    const std::size_t last = 2 + skills + criteria;  // the question whether to write
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    // The question at i when the answers ended there, for the error.
    const auto question_at = [&](std::size_t i) {
        if (i < 2 + skills) {
            const Skill* skill = framework.find_skill(target.requirements[i - 2].skill_id);
            return "skill " + std::to_string(i - 1) + " of " + std::to_string(skills) + " (" +
                   (skill != nullptr ? skill->name : target.requirements[i - 2].skill_id) + ")";
        }
        return "criterion " + std::to_string(i - 1 - skills) + " of " + std::to_string(criteria) + " (" +
               target.criteria[i - 2 - skills].name + ")";
    };
    std::size_t i = 0;
    while (i <= last) {
        Step step = Step::next;
        if (i == 0) {
            auto answer = interview.ask("Your name (Enter to leave it out)", answers.name);
            step = step_of(answer);
            if (step == Step::next && !answer->text.empty()) {
                answers.name = answer->text == "-" ? std::string() : answer->text;
            }
        } else if (i == 1) {
            const RoleLevel* current =
                answers.current_level_id.empty() ? nullptr : framework.find_level(answers.current_level_id);
            auto answer = interview.ask("Your current role level, such as its id (Enter to leave it out)",
                                        current == nullptr ? "" : short_name(*current));
            step = step_of(answer);
            if (step == Step::next && answer->text == "-") {
                answers.current_level_id.clear();
            } else if (step == Step::next && !answer->text.empty()) {
                try {
                    answers.current_level_id = resolve_level(framework, answer->text).id;
                } catch (const NotFoundError& error) {
                    interview.say(
                        error.suggestions().empty()
                            ? "No role level by that name; 'ddat roles list' shows them."
                            : "No role level by that name; did you mean '" + error.suggestions().front() + "'?",
                        "  ");
                    step = Step::again;
                }
            }
        } else if (i < 2 + skills) {
            const std::size_t k = i - 2;
            AssessedSkill& skill = answers.skills[k];
            show_skill(interview, framework, target, k);
            step = ask_with_evidence(interview, "Your level", skill.level, skill.evidence, parse_skill_level,
                                     "That is not a level: answer 0 to 4, or none, awareness, working, "
                                     "practitioner or expert.",
                                     [](SkillLevel level) { return level != SkillLevel::none; });
        } else if (i < last) {
            const std::size_t k = i - 2 - skills;
            AssessedCriterion& criterion = answers.criteria[k];
            show_criterion(interview, target, k);
            step = ask_with_evidence(interview, "Met, partly or not-met", criterion.status, criterion.evidence,
                                     parse_criterion_status, "Answer met, partly or not-met.",
                                     [](CriterionStatus) { return true; });
        } else {
            interview.blank();
            auto answer = interview.ask(file == "-" ? "Print the self-assessment? Enter prints it, b goes back, q quits"
                                                    : "Write " + file + "? Enter writes it, b goes back, q quits",
                                        "write");
            step = step_of(answer);
            const std::string word = step == Step::next ? to_lower(answer->text) : std::string();
            if (step == Step::next && !word.empty() && word != "write" && word != "w" && word != "y" && word != "yes") {
                interview.say("Press Enter to write, b to go back or q to quit.", "  ");
                step = Step::again;
            }
        }
        if (step == Step::ended && !terminal && (i < 2 || i == last)) {
            step = Step::next;  // the default, as Enter gives
        }
        switch (step) {
            case Step::ended:
                if (terminal) {
                    interview.say("Quit: nothing written.");
                    return std::nullopt;
                }
                throw InputError(SourceLocation{"<stdin>", 0, 0},
                                 "the answers ended at " + question_at(i) +
                                     ", which needs an answer: nothing written (give one answer a line, an empty "
                                     "line where you would press Enter)");
            case Step::quit: interview.say("Quit: nothing written."); return std::nullopt;
            case Step::again: break;
            case Step::back:
                if (i == 0) {
                    interview.say("This is the first question.", "  ");
                } else {
                    --i;
                }
                break;
            case Step::next: ++i; break;
        }
    }
    return answers;
}

int run_assess(Session& session, const AssessOptions& options) {
    namespace fs = std::filesystem;
    const Framework& framework = session.framework();
    const RoleLevel& target = resolve_level(framework, options.target);
    const std::string& file = options.output;
    if (file != "-") {
        // Refuse before asking anything, rather than after the last answer.
        std::error_code error;
        if (fs::exists(file, error) && !options.force) {
            throw TargetExistsError(file + " exists: choose another name, or add --force to replace it");
        }
        if (fs::is_directory(file, error)) {
            throw WriteError(file + " is a folder");
        }
        const fs::path folder = fs::path(file).parent_path();
        if (!folder.empty() && !fs::is_directory(folder, error)) {
            throw WriteError(file + ": cannot write: the folder " + folder.string() + " does not exist");
        }
    }
    Interview interview(session.err(), question_style());
    std::string asked;
    if (!target.requirements.empty()) {
        asked = count_of(target.requirements.size(), "skill", "skills");
    }
    if (!target.criteria.empty()) {
        asked += (asked.empty() ? "" : " and ") + count_of(target.criteria.size(), "competence or specialist skill",
                                                           "competences and specialist skills");
    }
    interview.say("A self-assessment against " + target.name + ": your name, your current level" +
                  (asked.empty() ? std::string() : ", " + asked) +
                  ". Answer each question and press Enter; Enter alone keeps the answer in [brackets]. Type b to "
                  "go back, q to quit without writing anything.");
    interview.blank();
    const auto answers = interview_person(interview, framework, target, file);
    if (!answers) {
        return kExitOk;
    }
    const std::string text = write_self_assessment(framework, target, *answers);
    if (file == "-") {
        session.output().out << text;
        return kExitOk;
    }
    write_named_file(file, text, options.force, 0600);
    std::size_t held = 0;
    std::size_t with_evidence = 0;
    for (const auto& skill : answers->skills) {
        held += skill.level != SkillLevel::none ? 1 : 0;
        with_evidence += skill.evidence.empty() ? 0 : 1;
    }
    session.err() << "Wrote " << file
                  << " (readable only by you): " << count_of(answers->skills.size(), "skill", "skills") << ", " << held
                  << " held, " << with_evidence << " with evidence.\nNext: ddat gap --me " << file << '\n';
    return kExitOk;
}

}  // namespace

void add_assess_command(CLI::App& app, CommandRegistry& registry) {
    auto options = std::make_shared<AssessOptions>();
    CLI::App* assess = app.add_subcommand("assess", "Write a self-assessment by answering questions");
    if (!registry.builds(*assess)) {
        return;  // another command was asked for: the name and description are enough
    }
    completes(assess->add_option("--target", options->target, "The role level to assess yourself against")
                  ->required()
                  ->type_name("LEVEL"),
              Completion::levels);
    completes(assess->add_option("-o,--output", options->output, "The file to write (mode 0600); - prints it instead")
                  ->required()
                  ->type_name("FILE"),
              Completion::files);
    assess->add_flag("--force", options->force, "Replace the file if it exists");
    assess->footer(
        "Asks for your name, your current level, then each skill the target requires: it shows\n"
        "what the target asks, and takes 0-4 or a level word (Enter keeps the answer shown in\n"
        "[brackets]), then offers to note your evidence. b or back goes to the previous question;\n"
        "q or quit ends without writing anything. The file is written only after the last\n"
        "answer, readable only by you (mode 0600); an existing file is replaced only with --force.\n"
        "Questions go to standard error and answers are read from standard input, one a line.\n"
        "When piped answers end, a question with a default takes it (the name, current level and\n"
        "evidence are left out, the file is written); a skill level has none, so answers that end\n"
        "before the last skill write nothing. 'Wrote FILE' goes to standard error.\n"
        "\n"
        "Examples:\n"
        "  ddat assess --target senior-brm -o me.yaml\n"
        "  ddat assess --target senior-brm -o me.yaml --force\n"
        "  ddat assess --target brm -o me.yaml < answers.txt\n"
        "  ddat assess --target brm -o -                   print it instead of writing it");
    registry.add(
        assess, [options](Session& session) { return run_assess(session, *options); },
        SingleFormat{"yaml", "writes YAML only"});
}

}  // namespace ddat::cli
