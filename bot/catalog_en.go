package bot

import "planbot/planner"

var english = map[msg]string{
	msgAdded:             "Added %s",
	msgAddedMany:         "Added %d items:",
	msgYourWeek:          "Your week %s (%s)",
	msgTeamWeek:          "Team %s, week %s (%s)",
	msgNothing:           "—",
	msgWeekEmpty:         "Nothing planned yet.",
	msgDone:              "Done %s",
	msgCancelled:         "Cancelled %s",
	msgMoved:             "Moved %s",
	msgEdited:            "Edited %s",
	msgNoteSaved:         "Saved your note for week %s.",
	msgNoteShow:          "Your note for week %s: %s",
	msgNoteNone:          "No note for week %s yet. Write one: /plan note Two companies want a second visit.",
	msgLangSet:           "I will reply in English.",
	msgDigestMembers:     "Members:",
	msgDigestMember:      "%s: %d of %d done",
	msgDigestNote:        "note: %s",
	msgDigestSilent:      "Logged nothing this week: %s",
	msgDigestEmpty:       "No items this week.",
	msgExportTitle:       "Export of week %s (CSV):",
	msgTryAdd:            "Add one: /plan tue visit 4 enterprises",
	msgHistoryTitle:      "History of %s",
	msgSetupChannel:      "Setting up <#%s> as the team's channel for the weekly retrospective…",
	msgSetupDone:         "Team settings · time zone: %s · language: %s · retrospective channel: %s",
	msgDefault:           "default",
	msgNotSet:            "not set yet (run /plan setup in the channel)",
	msgPosting:           "Posting the retrospective of %s to the team's channel…",
	msgPosted:            "Posted the retrospective of %s to <#%s>.",
	msgScheduleView:      "Schedule · retrospective: %s · plan your week: %s · log your results: %s",
	msgScheduleOff:       "off",
	msgRemindOff:         "OK: no more reminders for you. Turn them back on with /plan remind on",
	msgRemindOn:          "OK: you will get the weekly reminders again.",
	msgRemindPlan:        "Plan your week %s: what will you do? Add one: /plan tue visit 4 enterprises · /plan thu-fri trip to Beijing",
	msgRemindPlanOpen:    "Still open from last week:",
	msgRemindLog:         "Log your results for %s: press Done on what got done, or /plan done 3 2 of 4 interested",
	msgFormOpening:       "Opening the form…",
	msgFormTitle:         "New item",
	msgFormSubmit:        "Add",
	msgFormClose:         "Cancel",
	msgFormWhat:          "What",
	msgFormTitleHint:     "visit 4 enterprises",
	msgFormStart:         "Day",
	msgFormEnd:           "Until (for several days)",
	msgFormKind:          "Kind",
	msgFormCount:         "How many (enterprises, meetings…)",
	msgFormPlace:         "Where to (for a trip)",
	msgHomeTeam:          "The team this week (done/planned)",
	msgHomeHelp:          "Add: /plan tue visit 4 enterprises · /plan thu-fri trip to Beijing · /plan new for a form · /plan help for everything",
	msgSetupHello:        "planbot will post the team's weekly retrospective in this channel.",
	msgSetupInvite:       "I can't post in <#%s> yet. Invite me first — type /invite @planbot there — then run /plan setup again.",
	msgSetupReady:        "Done: <#%s> gets the weekly retrospective, and %d people of the channel are now team members.",
	msgSetupPartial:      "<#%s> gets the weekly retrospective, but importing its people stopped after %d (Slack was slow or refused); run /plan setup again to finish.",
	msgMore:              "…and %d more (see /plan export)",
	msgButtonDone:        "Done #%d",
	msgButtonUndo:        "Undo",
	msgButtonCancel:      "Cancel #%d",
	msgLeadCreated:       "Added company %s at stage %s.",
	msgLeadMoved:         "%s: %s → %s",
	msgLeadNoted:         "Noted on %s (%s): %s",
	msgLeadHead:          "%s · %s · following: %s",
	msgLeadStages:        "Stages:",
	msgLeadItems:         "Itinerary items:",
	msgLeadNoItems:       "No itinerary item names it yet: write [%s] in one, e.g. /plan tue visit [%[1]s]",
	msgPipelineTitle:     "Pipeline (%d):",
	msgPipelineEmpty:     "No companies yet. Add one: /plan lead \"Changcheng Auto\" negotiating",
	msgLastContact:       "last contact %s",
	msgNextItem:          "next: %s",
	msgNoOwner:           "no owner",
	msgRetroPipeline:     "Pipeline moves: %s",
	msgRetroPipelineNone: "Pipeline: no stage moves this week",
	msgRetroStageCounts:  "Pipeline now: %s",
	msgRetroUntouched:    "Untouched for 30 days: %s",
	msgRetroCollision:    "⚠ Several members on one company this week (撞单): %s. Agree who leads it.",
	msgForgotten:         "Forgot member %s for good: %d items erased with their history, and the member's notes and reminders. Retrospectives already posted in Slack stay as posted.",
	msgNewForm:           "The form opens in Slack. Here, type the item instead: /plan tue visit 4 enterprises",
	msgHelp: `planbot — your week in one line.
  /plan <when> <what>         add: /plan tue visit 4 enterprises · /plan thu-fri trip to Beijing
  /plan week [next|last|2025-W47]   my week, by day
  /plan team [next|last|2025-W47]   everyone's week
  /plan done <id> [outcome]   /plan done 3 2 of 4 interested
  /plan cancel <id> [reason]  /plan cancel 3 client postponed
  /plan move <id> <when>      /plan move 3 next wed
  /plan edit <id> <when> <what>   /plan edit 3 fri visit 5 enterprises
  /plan note <text>           my retrospective note for this week
  /plan history <id>          every change made to an item
  /plan digest [this|last|2025-W47]   preview the team's retrospective
  /plan export [xlsx] [week]  the week as CSV, or as the Excel report (Slack: sent to your DMs)
  /plan lang zh|en            reply language
  /plan new                   a form for one item (Slack)
  /plan setup                 admins: this channel gets the weekly retrospective
  /plan setup tz Asia/Shanghai · /plan setup lang zh   admins: the team's zone and language
  /plan setup digest sun 18:00 · /plan setup remind mon 09:00 · /plan setup remind fri 17:00 off
  /plan digest post [force]   admins: post the retrospective now · /plan remind off|on   my reminders
  /plan forget @someone       admins: erase a member who left, with their items, history and notes
  /plan lead <company> [stage] [note]   the pipeline: /plan lead "Changcheng Auto" signed · /plan lead CATL (its history)
  /plan leads [stage|mine]    every company by stage; an item naming [Company] or a known company links to it
When: mon..sun, today, tomorrow, next tue, last fri, thu-fri, mon, wed, weekend, 2025-11-20, 11/20, Nov 20.
Kinds are guessed from the words; a tag sets one: #visit #trip #fund #signing #training #review #meeting #other.`,
	// The weekly retrospective.
	msgRetroTitle:      "Week %d · %s",
	msgRetroLate:       "(late)",
	msgRetroRate:       "Completion %d%% (%d of %d items done)",
	msgRetroUp:         "▲ %s vs last week (%d%%)",
	msgRetroDown:       "▼ %s vs last week (%d%%)",
	msgRetroSame:       "= same as last week (%d%%)",
	msgRetroPoint:      "%d pt",
	msgRetroPoints:     "%d pts",
	msgRetroNoPrevious: "no items last week",
	msgRetroTotals:     "By kind (done/planned):",
	msgRetroVisits:     "Enterprises met: %d/%d (visits)",
	msgRetroFunds:      "Fund meetings: %d/%d",
	msgRetroSignings:   "Signings: %d/%d",
	msgRetroTrips:      "Trips: %d/%d",
	msgRetroTripDays:   "Trips: %d/%d (%s)",
	msgRetroTripsHead:  "Who travelled where:",
	msgRetroTrainings:  "Trainings: %d/%d",
	msgRetroReviews:    "Reviews: %d/%d",
	msgRetroMeetings:   "Meetings: %d/%d",
	msgRetroOthers:     "Other: %d/%d",
	msgRetroDay:        "%s %d day",
	msgRetroDays:       "%s %d days",
	msgRetroNoPlace:    "(no place)",
	msgRetroNoItems:    "%s: no items this week",
	msgRetroCarried:    "%s → next week",
	msgRetroNext:       "Next week: %s",
	msgRetroNextEntry:  "%s %d",
	msgRetroNextNone:   "Next week: nothing planned yet",
	msgRetroThread:     "Each member's week follows in the thread.",
	// The Excel report.
	msgExportUploading: "Making the Excel report of %s: it will be in your direct messages in a moment.",
	msgExportConsole:   "The Excel report is sent in Slack. Here, write it to a file: planbot export --format xlsx --week %s --out report.xlsx",
	msgExportFailed:    "I could not send you the Excel report of %s (%s). Try again in a moment; if it says missing_scope, an admin must give planbot the files:write scope and reinstall it.",
}

var englishKinds = map[planner.Kind]string{
	planner.KindTrip: "trip", planner.KindSigning: "signing", planner.KindFund: "fund",
	planner.KindVisit: "visit", planner.KindTraining: "training", planner.KindReview: "review",
	planner.KindMeeting: "meeting", planner.KindOther: "other",
}

var englishErrors = map[planner.Reason]string{
	planner.ReasonBadDate:      "%q is not a date I know. Try: /plan 2025-11-20 visit 2 enterprises, or /plan Nov 20 …",
	planner.ReasonBadWeekday:   "%q is not a day of the week. Try: /plan tue visit 4 enterprises",
	planner.ReasonDateRange:    "%q is too far away; planbot keeps years 2000–2099. Try: /plan 2025-11-20 visit 2 enterprises",
	planner.ReasonVagueWeek:    "%q is a week, not a day: say which day. Try: /plan next wed trip to Shanghai",
	planner.ReasonEndBefore:    "%q ends before it starts. Try: /plan thu-fri trip to Beijing",
	planner.ReasonNoWhat:       "What is planned? Say it after the day: /plan tue visit 4 enterprises",
	planner.ReasonTooLong:      "That is too long: keep it under 1000 characters. Try: /plan tue visit 4 enterprises",
	planner.ReasonBadText:      "The text has bytes that are not UTF-8, or a control character (the first is %s); retype it as plain text. Try: /plan tue visit 4 enterprises",
	planner.ReasonBadCount:     "%q is not a count I can keep: use 1 to 999. Try: /plan tue visit 4 enterprises",
	planner.ReasonBadWeek:      "%q is not a week. Try: /plan week 2025-W47, /plan week next",
	planner.ReasonBadWhen:      "%q is not a day I understand. Try: /plan move 3 next wed",
	planner.ReasonSplitWhen:    "%q is more than one run of days; an item needs one. Try: /plan move 3 thu-fri",
	planner.ReasonUsage:        "Something is missing. Give the item's number (see /plan week) and the rest, like this: %s",
	planner.ReasonBadID:        "%q is not an item number. Try: /plan done 3 (see the numbers with /plan week)",
	planner.ReasonNoItem:       "There is no item #%s in your team. See your items with /plan week",
	planner.ReasonNoMember:     "%q is not a member of your team. Name them with a mention or their Slack member id (profile → ⋮ → Copy member ID). Try: /plan forget U012ABC",
	planner.ReasonNotYours:     "Item #%s belongs to someone else; you can change only your own. See yours with /plan week",
	planner.ReasonCancelled:    "Item #%s was cancelled. Add it again: /plan fri visit 2 enterprises",
	planner.ReasonAlreadyDone:  "Item #%s is already done, so it cannot be cancelled. Change it with /plan edit %[1]s …",
	planner.ReasonNoNote:       "Write the note after the word: /plan note Two companies want a second visit.",
	planner.ReasonBadLang:      "%q is not a language I speak. Try: /plan lang zh or /plan lang en",
	planner.ReasonUnknownTeam:  "There is no team %q.",
	planner.ReasonNotAdmin:     "Only the team's admins can change its settings; ask one of them. (Admins: workspace admins, or PLANBOT_ADMINS.) Try: /plan week",
	planner.ReasonBadZone:      "%q is not a time zone I know. Try: /plan setup tz Asia/Shanghai",
	planner.ReasonNoDigestChan: "The team has no channel for its retrospective yet: run /plan setup in the team's channel.",
	planner.ReasonPosted:       "The retrospective of %s was posted already; to post it again: /plan digest post %[1]s force",
	planner.ReasonPreview:      "The retrospective of %s is not due yet; to post a preview now: /plan digest post %[1]s force",
	planner.ReasonBadSchedule:  "%q is not a day and a time. Try: /plan setup digest sun 18:00, /plan setup remind fri 17:00 off",
	planner.ReasonSlackOnly:    "That works in Slack only. Here, try: /plan digest",
	planner.ReasonNoChannel:    "Run this in the channel that should get the weekly retrospective: /plan setup",
	planner.ReasonBadKind:      "%q is not a kind: use visit, trip, fund, signing, training, review, meeting or other. Try: /plan tue #visit 常诚车业",
	planner.ReasonInternalFail: "Something went wrong on my side; nothing was changed. Please try again in a moment.",
	planner.ReasonNoCompany:    "There is no company %q in the pipeline. Add it: /plan lead \"Changcheng Auto\" contacted",
	planner.ReasonBadCompany:   "%q is not a company name I can keep: give a name of up to 100 characters, quotes closed. Try: /plan lead \"Changcheng Auto\" signed",
	planner.ReasonSameStage:    "It is at %s already. Give another stage or a note: /plan lead CATL signed land deal agreed",
	planner.ReasonBadStage:     "%q is not a stage: lead, contacted, negotiating, signed, landed, construction, production, on hold, lost (or mine). Try: /plan leads signed",
}
