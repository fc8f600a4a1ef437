/// JSON Schema (draft 2020-12) of `/data/decision-helper/<id>.json`, published beside the files it describes.
enum DecisionSchema {
    static let json = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "schema.json",
      "title": "sitegen decision helper",
      "description": "Questions whose answers score outcomes, and rules that rule outcomes out. The recommendation is the outcome with the highest total among those no fired rule rules out; equal totals are a tie.",
      "type": "object",
      "required": ["version", "id", "title", "outcomes", "questions", "rules"],
      "additionalProperties": false,
      "properties": {
        "version": { "const": 1, "description": "Format version; raised when a field changes meaning." },
        "id": { "$ref": "#/$defs/id", "description": "The data file's name without its extension." },
        "title": { "type": "string", "minLength": 1 },
        "intro": { "type": "string" },
        "outcomes": {
          "type": "array",
          "minItems": 2,
          "items": {
            "type": "object",
            "required": ["id", "title", "summary"],
            "additionalProperties": false,
            "properties": {
              "id": { "$ref": "#/$defs/id" },
              "title": { "type": "string", "minLength": 1 },
              "summary": { "type": "string", "minLength": 1 },
              "link": { "type": "string", "description": "A #fragment of the embedding page, a site path, or an absolute URL." }
            }
          }
        },
        "questions": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "object",
            "required": ["id", "text", "answers"],
            "additionalProperties": false,
            "properties": {
              "id": { "$ref": "#/$defs/id" },
              "text": { "type": "string", "minLength": 1 },
              "help": { "type": "string" },
              "answers": {
                "type": "array",
                "minItems": 2,
                "items": {
                  "type": "object",
                  "required": ["id", "label", "scores"],
                  "additionalProperties": false,
                  "properties": {
                    "id": { "$ref": "#/$defs/id" },
                    "label": { "type": "string", "minLength": 1 },
                    "scores": {
                      "type": "object",
                      "description": "Outcome id to points; outcomes not listed get 0.",
                      "propertyNames": { "$ref": "#/$defs/id" },
                      "additionalProperties": { "type": "integer" }
                    }
                  }
                }
              }
            }
          }
        },
        "rules": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["when", "rule_out", "reason"],
            "additionalProperties": false,
            "properties": {
              "when": {
                "type": "object",
                "description": "Question id to the answer ids that match; the rule fires when every listed question matches.",
                "minProperties": 1,
                "propertyNames": { "$ref": "#/$defs/id" },
                "additionalProperties": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/id" } }
              },
              "rule_out": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/id" } },
              "reason": { "type": "string", "minLength": 1 }
            }
          }
        }
      },
      "$defs": {
        "id": { "type": "string", "pattern": "^[a-z0-9_-]+$" }
      }
    }

    """#
}
