/**
 * The built-in rule set, used when there is no rules file and pulled in by
 * `extends: default`. It is YAML, loaded and validated like any rules file,
 * and holds no story knowledge: every subject is found in the text.
 */
export const DEFAULT_RULES_NAME = '<built-in rules>';

export const DEFAULT_RULES_YAML = `# factlint's built-in rules: no story knowledge, subjects found in the text.
rules:
  - id: default-titles
    type: title
    description: Every person's job titles agree across articles.

  - id: default-name-spelling
    type: name
    description: Every proper name is spelled one way across articles.

  - id: default-quotes
    type: quote
    description: Direct quotes by the same speaker are worded the same way in every article.

  - id: default-credits
    type: attribution
    description: Each statement is credited to the same person in every article.

  - id: default-event-dates
    type: date
    description: Each named event is dated the same day in every article.

  # Counts: no entity needed. Each figure's subject is the event it belongs to,
  # found in the text (earthquake, attack, flood, fire, crash, storm...).
  # Hedged figures are ranges; a figure that rises from an earlier article to
  # a later one is reported as an update.
  - id: default-deaths
    type: count
    description: How many people an event killed.
    unit: people
    unit_words: [people, persons, individuals, civilians, residents, villagers, tourists, victims, passengers, pilgrims]
    cues: [killed, killing, kills, dead, died, deaths, death toll, toll, lives of, lives, fatalities, perished, lost their lives]
    label: "people killed in the {event}"
    bare: true
    cue_distance: 6

  - id: default-injuries
    type: count
    description: How many people an event injured.
    unit: people
    unit_words: [people, persons, individuals, civilians, residents, villagers, tourists, victims, passengers, others]
    cues: [injured, injuring, injuries, wounded, wounding, hurt, hospitalised, hospitalized]
    label: "people injured in the {event}"
    bare: true
    cue_distance: 5

  - id: default-missing
    type: count
    description: How many people are missing after an event.
    unit: people
    unit_words: [people, persons, individuals, residents, villagers, tourists, passengers, others]
    cues: [missing, unaccounted for, remain missing]
    label: "people missing after the {event}"
    bare: true
    cue_distance: 5

  - id: default-arrests
    type: count
    description: How many people were arrested or detained over an event.
    unit: people
    unit_words: [people, persons, individuals, suspects, men, women]
    cues: [arrested, arrests, detained, detentions, taken into custody, in custody]
    label: "people arrested over the {event}"
    bare: true
    cue_distance: 5

  - id: default-displaced
    type: count
    description: How many people an event displaced or forced to evacuate.
    unit: people
    unit_words: [people, persons, residents, villagers, individuals]
    cues: [displaced, evacuated, evacuate, evacuation, flee, fled, fleeing, homeless, forced from their homes, shelters]
    label: "people displaced by the {event}"
    bare: true
    cue_distance: 6

  - id: default-homes-destroyed
    type: count
    description: How many homes an event destroyed.
    unit: homes
    unit_words: [homes, houses, dwellings, buildings, residences]
    cues: [destroyed, flattened, razed, levelled, leveled, collapsed, gutted, burned down, burnt down, swept away]
    label: "homes destroyed in the {event}"
    cue_distance: 5

  - id: default-homes-damaged
    type: count
    description: How many homes an event damaged.
    unit: homes
    unit_words: [homes, houses, dwellings, buildings, residences]
    cues: [damaged, damaging]
    label: "homes damaged in the {event}"
    cue_distance: 4

  - id: default-magnitude
    type: count
    description: The magnitude of an earthquake.
    unit: magnitude
    unit_words: [magnitude, on the Richter scale, Richter]
    unit_first: true
    max_gap: 1
    label: "magnitude of the {event}"

  - id: default-wind-speed
    type: count
    description: The wind speed of a storm.
    unit: km/h
    unit_words: [km/h, kph, kmh, km per hour, kilometres per hour, kilometers per hour, kilometres an hour, kilometers an hour, mph, miles per hour, miles an hour, knots]
    cues: [winds, wind, wind speeds, sustained winds]
    label: "wind speed of the {event}"
    max_gap: 0
    cue_distance: 3
`;
