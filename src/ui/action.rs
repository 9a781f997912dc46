//! Everything a key can ask for. Keys map to these through the keymap; `App::update` carries them out.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    Tab1,
    Tab2,
    Tab3,
    Tab4,
    Tab5,
    Tab6,
    Help,
    Palette,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Filter,
    SortNext,
    SortReverse,
    ToggleLeft,
    Open,
    Back,
    New,
    Edit,
    Archive,
    Reinstate,
    NextSection,
    PrevSection,
    AddContract,
    EditContract,
    JobChange,
    AddDocument,
    AddNote,
    AddContact,
    AddDependant,
    Save,
    NextField,
    PrevField,
    Confirm,
    Deny,
    PrevDay,
    NextDay,
    PrevMonth,
    NextMonth,
    PrevYear,
    NextYear,
    Today,
    /// Leave tab: switch between the balances and the team calendar.
    ToggleView,
    /// Leave tab: move into the selected person's requests and sickness.
    ShowItems,
    AddLeave,
    AddSick,
    Correct,
    SetSchedule,
    Approve,
    Refuse,
    CancelLeave,
    /// Reports tab: switch between the reports and the monthly payroll review.
    ReportsOrPayroll,
    /// Today tab: go to the place where the selected item is fixed.
    GoTo,
    /// Read again what is shown.
    Refresh,
    /// Dossier checklist: tick the selected task, or un-tick it.
    ToggleTask,
    AddDimona,
    /// The settings: the company's details for letters, the Today windows, leave rules… (from
    /// the command palette).
    Settings,
    /// Dossier: choose a template and make a letter.
    GenerateDocument,
    /// Take the highlighted entry of a pick list.
    Choose,
    /// Payroll review: enter a premium, deduction, overtime or telework days for the selected person.
    AddEntry,
    /// Payroll review: take back one of the selected person's hand entries of the month.
    RemoveEntry,
    /// Payroll review: export the month for the social secretariat (locks it).
    Export,
    /// Reports tab: the period before or after the one shown.
    PrevPeriod,
    NextPeriod,
    /// Reports tab: type the period in a small form.
    ChoosePeriod,
    /// Reports tab: the report's next table (a headcount's next breakdown).
    NextTable,
    ExportXlsx,
    ExportCsv,
    /// Recruitment: the selected candidate to the next stage of the pipeline.
    MoveNext,
    /// Recruitment: back to an earlier stage (asks the reason).
    MoveBack,
    /// Recruitment: rejected, with a reason from the list.
    Reject,
    /// Recruitment: the candidate withdrew.
    Withdraw,
    /// Recruitment: hire the candidate at the offer stage (makes the dossier).
    Hire,
    PlanInterview,
    AddReference,
    /// Recruitment: open the selected vacancy's board or candidate's page.
    OpenItem,
    NewVacancy,
    NewCandidate,
    /// Candidate page: the selected criterion met, not met, unclear.
    CycleAnswer,
    /// Training tab: a new course, session, talk or request (after choosing the person), by sub-view.
    TrainingNew,
    /// Training tab: open the selected session, or the dossier of the selected person.
    TrainingOpen,
    /// Training session: the selected person's mark on the selected day moves on (present, absent,
    /// excused, none).
    Attend,
    /// Training session: enrol someone (chosen by typing part of the name).
    Enrol,
    /// Training session: cancel the selected enrolment (the waiting list moves up).
    CancelEnrolment,
    VacancyText,
    ExportCalendar,
    /// Dossier's confidential section: ask the PIN (or choose one the first time).
    Unlock,
    /// Lock the confidential area again before Dossier closes.
    Lock,
    AddMeasure,
    AddGrievance,
    AddMedicalNote,
    /// Confidential section: edit the selected record.
    EditRecord,
    /// Change the PIN of the confidential area.
    SetPin,
    /// Recruitment: the selected vacancy's report (channels, funnel, time to hire, reasons).
    VacancyReport,
    /// Dossier: enter a course followed elsewhere, or a certificate obtained outside, by hand.
    AddTrainingRecord,
    /// Vacancy list: the phone preselection's questions of the vacancy.
    EditQuestions,
    /// Candidate page: the answers of the phone preselection.
    AnswerQuestions,
    /// Candidate page: an interviewer's scores and recommendation after an interview.
    GiveFeedback,
    /// Training session: the evaluation after the course of the selected participant.
    TrainingEvaluate,
    /// Training talks: tick an agreed action of the selected talk done (or open again).
    TalkActionDone,
}

impl Action {
    /// The i18n key of the action's short description (hint bar, help screen, palette).
    pub fn label_key(self) -> String {
        let name = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string));
        format!("action.{}", name.unwrap_or_default())
    }
}
