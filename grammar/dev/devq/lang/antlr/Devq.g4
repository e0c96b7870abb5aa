/*
 * The devq query language. Generated into dev.devq.lang.antlr at build time; only
 * dev.devq.lang.AstBuilder sees the generated types.
 *
 * Statements need no separator: an expression cannot be followed by another expression
 * without an operator between them, so `a < b` on one line and `c < d` on the next are two
 * statements. A `;` may still separate statements on one line.
 */
grammar Devq;

// A unit right after a number on its line ('2 ms', '2ms', '80%'): retyped from IDENT, UNIT_RATIO,
// MIN or '%' by dev.devq.lang.QueryLexer, so `let k = 2` and then `k` on the next line are two
// statements, not 2k, with no semantic predicate for prediction or error recovery to miss.
tokens { NUMBER_UNIT }

// ---- entry rules -----------------------------------------------------------------------

query : (statement ';'*)* EOF ;

standaloneQuantity : sign='-'? NUMBER NUMBER_UNIT? EOF ;

standaloneExpr : expr EOF ;

statement
    : LET name=IDENT '=' value=expr                 # LetStatement
    | CHECK label=STRING ':' body=expr              # CheckStatement
    | tableQuery                                    # TableStatement
    | expr                                          # ExprStatement
    ;

// ---- expressions, loosest binding last ------------------------------------------------

expr
    : primary                                                  # PrimaryExpr
    | target=expr '.' member=IDENT                             # Member
    | op=('-' | '+') operand=expr                              # Unary
    | left=expr op=('*' | '/') right=expr                      # Multiplicative
    | left=expr op=('+' | '-') right=expr                      # Additive
    | value=expr IN unit                                       # Convert
    | left=expr op=('<' | '<=' | '>' | '>=' | '==' | '!=') right=expr   # Comparison
    | NOT operand=expr                                         # Not
    | left=expr AND right=expr                                 # And
    | left=expr OR right=expr                                  # Or
    ;

primary
    : NUMBER NUMBER_UNIT?                                      # QuantityLiteral
    | STRING                                                   # StringLiteral
    | value=(TRUE | FALSE)                                     # BooleanLiteral
    | '?'                                                      # Hole
    | fn=callee '(' (argument (',' argument)*)? ','? ')'   # Call
    | SEARCH text=STRING                                       # SearchExpr
    | UNIT_RATIO                                               # RatioName
    | name=(IDENT | ALL | DOTTED_NAME)                         # Name
    | '(' inner=expr ')'                                       # Parens
    | '[' var=IDENT IN source=expr (WHERE filter=expr)? ']'    # Comprehension
    // `[s in socs]` would also read as a list of one conversion; the predicate gives it to the
    // comprehension, so the grammar has no ambiguity (a test parses with exact ambiguity detection).
    // A list and a for-list share one alternative: as two, choosing between them meant reading a
    // whole element ahead before the FOR or the ',' decided, which nested brackets made exponential.
    | {!(_input.LA(2) == IDENT && _input.LA(3) == IN)}? '['
      (items+=expr (FOR binding (',' binding)* (WHERE filter=expr)? | (',' items+=expr)* ','?))?
      ']'                                                      # ListLiteral
    | kind=(ALL | ANY) var=IDENT IN source=expr (WHERE filter=expr)? ':' body=expr   # Quantifier
    | kind=(MIN | MAX | ARGMIN | ARGMAX) var=IDENT IN source=expr (WHERE filter=expr)? BY key=expr   # Aggregate
    ;

// `table d in devices, r in [160, 224] where P: e1, e2 as "label" by e desc top 5`
tableQuery
    : TABLE binding (',' binding)* (WHERE filter=expr)? ':' column (',' column)*
      (BY key=expr order=DESC?)? (TOP limit=NUMBER)?
    ;

binding : var=IDENT IN source=expr ;

column : value=expr (AS label=STRING)? ;

callee : IDENT | MIN | MAX | SEARCH ;

argument : (name=IDENT '=')? value=expr ;

unit
    : UNIT_RATIO                                               # RatioUnit
    | IDENT                                                    # SimpleUnit
    | MIN                                                      # MinuteUnit
    | '%'                                                      # PercentUnit
    ;

// ---- tokens ----------------------------------------------------------------------------

LET : 'let' ;
CHECK : 'check' ;
IN : 'in' ;
WHERE : 'where' ;
BY : 'by' ;
ALL : 'all' ;
ANY : 'any' ;
MIN : 'min' ;
MAX : 'max' ;
ARGMIN : 'argmin' ;
ARGMAX : 'argmax' ;
AND : 'and' ;
OR : 'or' ;
NOT : 'not' ;
TRUE : 'true' ;
FALSE : 'false' ;
SEARCH : 'search' ;
TABLE : 'table' ;
FOR : 'for' ;
AS : 'as' ;
TOP : 'top' ;
DESC : 'desc' ;
PERCENT : '%' ;

// `0x10`: no rule takes it, so the parser stops at it and the error says to write it in decimal
// (read as a number and a unit, it was refused as the unknown unit 'x10').
HEX_NUMBER : '0' [xX] [0-9a-fA-F_]+ ;

NUMBER : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? | '.' DIGITS ([eE] [+-]? DIGITS)? ;

// `1__0`, `1_`, `_1`, `1_.5`: a digit separator that does not stand between two digits. Longer
// than the NUMBER it spoils (a tie goes to NUMBER, defined first), so the parser stops at the
// whole word and the error gives the number without separators, never `1__0` read as 10 or `1_`
// as 1 and an unknown unit `_`.
MISPLACED_SEPARATOR
    : [0-9] [0-9_]* ('.' [0-9_]+)? ([eE] [+-]? [0-9_]+)?
    | '.' [0-9] [0-9_]* ([eE] [+-]? [0-9_]+)?
    | '_' [0-9_]* [0-9] [0-9_]* ('.' [0-9_]+)?
    ;

// `GB/s` written without spaces: a unit after a number, a division between names elsewhere. Not
// when a name goes on (`google/mobilenet_v2`, a Hugging Face id): a unit never ends in '_' or a
// digit, and reading the name's first letters as a ratio left a syntax error in the middle of it.
UNIT_RATIO : LETTER+ '/' LETTER+ {!Character.isLetterOrDigit(_input.LA(1)) && _input.LA(1) != '_'}? ;

IDENT : (LETTER | '_') (LETTER | DIGIT | '_')* ;

// `mobilenet_v2_1.0_224`: a name with a version in it, as Hugging Face ids are written. A member
// name never starts with a digit, so this is no member access; read as one name, it gets the
// unknown-name error that says which id was meant, not a missing comma before `.0`.
DOTTED_NAME : (LETTER | '_') (LETTER | DIGIT | '_')* ('.' DIGIT (LETTER | DIGIT | '_')*)+ ;

// A control character other than a tab (an escape sequence that recolours the terminal or moves
// its cursor over a FAIL) is no part of a string; \n and \t write a line break and a tab.
STRING : '"' (~["\\\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F] | '\\' ["\\nt])* '"' ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS : [ \t\r\n\u00A0]+ -> channel(HIDDEN) ;

// Anything else becomes one token the parser rejects with a position, never a lexer crash.
UNEXPECTED : . ;

// `1_000`: one '_' between two digits groups them; any other '_' is a MISPLACED_SEPARATOR.
fragment DIGITS : [0-9]+ ('_' [0-9]+)* ;
fragment DIGIT : [0-9] ;
fragment LETTER : [a-zA-Z\u00B5\u03BC] ;
