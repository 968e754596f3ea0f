//! CCPro trade: see the area's handlers in src/ccpro/.
