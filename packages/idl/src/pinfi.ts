/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at `target/idl/pinfi.json`.
 */
export type Pinfi = {
  "address": "PinFiSmKf6acCrWwuLhvZM8gWGUfWYX1iwQFePLmj3x",
  "metadata": {
    "name": "pinfi",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "PinFi: a dissipative AMM for decaying GPU-hours"
  },
  "instructions": [
    {
      "name": "addLiquidity",
      "discriminator": [
        181,
        157,
        89,
        67,
        143,
        182,
        52,
        72
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "ownerTokens",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "maxTokensIn",
          "type": "u64"
        }
      ]
    },
    {
      "name": "burnForCertificate",
      "discriminator": [
        250,
        17,
        56,
        181,
        53,
        149,
        229,
        202
      ],
      "accounts": [
        {
          "name": "owner",
          "writable": true,
          "signer": true
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "utilityMint",
          "writable": true
        },
        {
          "name": "ownerTokens",
          "writable": true
        },
        {
          "name": "certificate",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  101,
                  114,
                  116,
                  105,
                  102,
                  105,
                  99,
                  97,
                  116,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "arg",
                "path": "nonce"
              }
            ]
          }
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "nonce",
          "type": "u64"
        },
        {
          "name": "gpuSeconds",
          "type": "u64"
        }
      ]
    },
    {
      "name": "buyHours",
      "discriminator": [
        255,
        85,
        180,
        19,
        147,
        180,
        115,
        8
      ],
      "accounts": [
        {
          "name": "buyer",
          "writable": true,
          "signer": true
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "rental",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  110,
                  116,
                  97,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "account",
                "path": "buyer"
              },
              {
                "kind": "arg",
                "path": "rentalId"
              }
            ]
          }
        },
        {
          "name": "buyerTokens",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "utilityMint",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "rentalId",
          "type": "u64"
        },
        {
          "name": "tokensIn",
          "type": "u64"
        },
        {
          "name": "end",
          "type": "i64"
        },
        {
          "name": "minHoursOut",
          "type": "u64"
        }
      ]
    },
    {
      "name": "createPool",
      "discriminator": [
        233,
        146,
        209,
        142,
        207,
        104,
        64,
        188
      ],
      "accounts": [
        {
          "name": "creator",
          "writable": true,
          "signer": true
        },
        {
          "name": "protocol",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  111,
                  111,
                  108
                ]
              },
              {
                "kind": "arg",
                "path": "gpuClass"
              }
            ]
          }
        },
        {
          "name": "vault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              }
            ]
          }
        },
        {
          "name": "utilityMint"
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "gpuClass",
          "type": {
            "array": [
              "u8",
              16
            ]
          }
        },
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "poolParams"
            }
          }
        }
      ]
    },
    {
      "name": "createStake",
      "discriminator": [
        201,
        134,
        55,
        171,
        2,
        136,
        228,
        226
      ],
      "accounts": [
        {
          "name": "owner",
          "writable": true,
          "signer": true,
          "relations": [
            "device",
            "certificate"
          ]
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "relations": [
            "device",
            "certificate"
          ]
        },
        {
          "name": "device",
          "writable": true
        },
        {
          "name": "certificate",
          "writable": true
        },
        {
          "name": "stake",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  116,
                  97,
                  107,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "device"
              },
              {
                "kind": "account",
                "path": "device.stake_count",
                "account": "device"
              }
            ]
          }
        },
        {
          "name": "ownerTokens",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "kind",
          "type": {
            "defined": {
              "name": "stakeKind"
            }
          }
        },
        {
          "name": "end",
          "type": "i64"
        }
      ]
    },
    {
      "name": "extendRental",
      "discriminator": [
        247,
        232,
        97,
        140,
        184,
        14,
        184,
        224
      ],
      "accounts": [
        {
          "name": "buyer",
          "signer": true,
          "relations": [
            "rental"
          ]
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "relations": [
            "rental"
          ]
        },
        {
          "name": "rental",
          "writable": true
        },
        {
          "name": "buyerTokens",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "utilityMint",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "newEnd",
          "type": "i64"
        },
        {
          "name": "maxTokensIn",
          "type": "u64"
        }
      ]
    },
    {
      "name": "initializeProtocol",
      "discriminator": [
        188,
        233,
        252,
        106,
        134,
        146,
        202,
        91
      ],
      "accounts": [
        {
          "name": "admin",
          "writable": true,
          "signer": true
        },
        {
          "name": "protocol",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "utilityMint"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "protocolParams"
            }
          }
        }
      ]
    },
    {
      "name": "markStakeFailed",
      "discriminator": [
        109,
        51,
        238,
        31,
        49,
        150,
        168,
        123
      ],
      "accounts": [
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "protocol"
          ]
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": []
    },
    {
      "name": "poolSnapshot",
      "discriminator": [
        144,
        172,
        189,
        211,
        101,
        125,
        190,
        77
      ],
      "accounts": [
        {
          "name": "pool"
        }
      ],
      "args": [],
      "returns": {
        "defined": {
          "name": "poolSnapshot"
        }
      }
    },
    {
      "name": "registerDevice",
      "discriminator": [
        210,
        151,
        56,
        68,
        22,
        158,
        90,
        193
      ],
      "accounts": [
        {
          "name": "owner",
          "writable": true,
          "signer": true
        },
        {
          "name": "deviceKey",
          "signer": true
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "device",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  100,
                  101,
                  118,
                  105,
                  99,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "deviceKey"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "specsHash",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        }
      ]
    },
    {
      "name": "sellHours",
      "discriminator": [
        132,
        180,
        62,
        22,
        145,
        201,
        76,
        123
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "ownerTokens",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "utilityMint",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "hours",
          "type": "u64"
        },
        {
          "name": "minTokensOut",
          "type": "u64"
        }
      ]
    },
    {
      "name": "settleStake",
      "discriminator": [
        89,
        179,
        109,
        99,
        144,
        236,
        213,
        76
      ],
      "accounts": [
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "owner",
          "writable": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "ownerTokens",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "utilityMint",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": []
    },
    {
      "name": "terminateRental",
      "discriminator": [
        169,
        70,
        216,
        188,
        14,
        4,
        115,
        182
      ],
      "accounts": [
        {
          "name": "buyer",
          "writable": true,
          "signer": true,
          "relations": [
            "rental"
          ]
        },
        {
          "name": "protocol",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "relations": [
            "rental"
          ]
        },
        {
          "name": "rental",
          "writable": true
        },
        {
          "name": "buyerTokens",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "utilityMint",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "minTokensOut",
          "type": "u64"
        }
      ]
    },
    {
      "name": "updateProtocol",
      "discriminator": [
        206,
        25,
        218,
        114,
        109,
        41,
        74,
        173
      ],
      "accounts": [
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "protocol"
          ]
        },
        {
          "name": "protocol",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  116,
                  111,
                  99,
                  111,
                  108
                ]
              }
            ]
          }
        },
        {
          "name": "eventAuthority",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  95,
                  95,
                  101,
                  118,
                  101,
                  110,
                  116,
                  95,
                  97,
                  117,
                  116,
                  104,
                  111,
                  114,
                  105,
                  116,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "program"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "updateProtocolArgs"
            }
          }
        }
      ]
    }
  ],
  "accounts": [
    {
      "name": "burnCertificate",
      "discriminator": [
        175,
        31,
        43,
        112,
        179,
        123,
        60,
        37
      ]
    },
    {
      "name": "device",
      "discriminator": [
        153,
        248,
        23,
        39,
        83,
        45,
        68,
        128
      ]
    },
    {
      "name": "pool",
      "discriminator": [
        241,
        154,
        109,
        4,
        17,
        177,
        109,
        188
      ]
    },
    {
      "name": "protocol",
      "discriminator": [
        45,
        39,
        101,
        43,
        115,
        72,
        131,
        40
      ]
    },
    {
      "name": "rental",
      "discriminator": [
        121,
        83,
        229,
        235,
        73,
        50,
        143,
        184
      ]
    },
    {
      "name": "stake",
      "discriminator": [
        150,
        197,
        176,
        29,
        55,
        132,
        112,
        149
      ]
    }
  ],
  "events": [
    {
      "name": "certificateBurned",
      "discriminator": [
        145,
        179,
        209,
        104,
        36,
        52,
        55,
        145
      ]
    },
    {
      "name": "deviceRegistered",
      "discriminator": [
        221,
        90,
        2,
        153,
        72,
        98,
        71,
        181
      ]
    },
    {
      "name": "hoursBought",
      "discriminator": [
        92,
        223,
        253,
        56,
        251,
        167,
        97,
        225
      ]
    },
    {
      "name": "hoursSold",
      "discriminator": [
        60,
        198,
        34,
        6,
        31,
        118,
        19,
        247
      ]
    },
    {
      "name": "liquidityAdded",
      "discriminator": [
        154,
        26,
        221,
        108,
        238,
        64,
        217,
        161
      ]
    },
    {
      "name": "poolCreated",
      "discriminator": [
        202,
        44,
        41,
        88,
        104,
        220,
        157,
        82
      ]
    },
    {
      "name": "protocolInitialized",
      "discriminator": [
        173,
        122,
        168,
        254,
        9,
        118,
        76,
        132
      ]
    },
    {
      "name": "protocolUpdated",
      "discriminator": [
        52,
        35,
        157,
        26,
        20,
        117,
        63,
        218
      ]
    },
    {
      "name": "rentalTerminated",
      "discriminator": [
        168,
        94,
        29,
        54,
        83,
        63,
        14,
        185
      ]
    },
    {
      "name": "stakeCreated",
      "discriminator": [
        167,
        95,
        138,
        168,
        40,
        144,
        148,
        196
      ]
    },
    {
      "name": "stakeMarkedFailed",
      "discriminator": [
        99,
        10,
        11,
        148,
        139,
        140,
        74,
        91
      ]
    },
    {
      "name": "stakeSettled",
      "discriminator": [
        171,
        53,
        105,
        171,
        142,
        65,
        236,
        232
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "mathOverflow",
      "msg": "Checked arithmetic failed; the log line before names the operation and source line"
    },
    {
      "code": 6001,
      "name": "protocolPaused",
      "msg": "The protocol is paused"
    },
    {
      "code": 6002,
      "name": "invalidPoolParams",
      "msg": "A pool parameter is out of its allowed range"
    },
    {
      "code": 6003,
      "name": "invalidGpuClass",
      "msg": "GPU class must be 1-16 ASCII letters, digits, '-' or '_'"
    },
    {
      "code": 6004,
      "name": "zeroAmount",
      "msg": "Amount must be greater than zero (or rounded to zero)"
    },
    {
      "code": 6005,
      "name": "insufficientHours",
      "msg": "Not enough GPU-seconds in the balance at this instant"
    },
    {
      "code": 6006,
      "name": "emptyReserve",
      "msg": "The pool has no hours or no tokens to trade against"
    },
    {
      "code": 6007,
      "name": "invalidEnd",
      "msg": "End must be a bucket boundary in the future within the pool's allowed window"
    },
    {
      "code": 6008,
      "name": "invalidDuration",
      "msg": "Stake duration is outside the pool's min/max"
    },
    {
      "code": 6009,
      "name": "invariantViolated",
      "msg": "The constant product decreased through a trade"
    },
    {
      "code": 6010,
      "name": "precisionLoss",
      "msg": "Rounding bound of the hour reserve failed"
    },
    {
      "code": 6011,
      "name": "slippageExceeded",
      "msg": "Slippage limit exceeded"
    },
    {
      "code": 6012,
      "name": "overlappingStake",
      "msg": "The device already has a stake that has not ended"
    },
    {
      "code": 6013,
      "name": "certificateTooSmall",
      "msg": "The burn certificate covers fewer GPU-seconds than the stake needs"
    },
    {
      "code": 6014,
      "name": "stakeExpired",
      "msg": "The stake has expired"
    },
    {
      "code": 6015,
      "name": "stakeNotEnded",
      "msg": "The stake has not ended yet"
    },
    {
      "code": 6016,
      "name": "wrongStakeKind",
      "msg": "This action does not fit the stake's kind (LP or seller)"
    },
    {
      "code": 6017,
      "name": "liquidityAlreadyAdded",
      "msg": "The LP stake has already added its liquidity"
    },
    {
      "code": 6018,
      "name": "rentalEnded",
      "msg": "The rental has ended"
    },
    {
      "code": 6019,
      "name": "notOwner",
      "msg": "Signer is not the account's owner"
    },
    {
      "code": 6020,
      "name": "wrongPool",
      "msg": "Account belongs to another pool"
    },
    {
      "code": 6021,
      "name": "wrongDevice",
      "msg": "Account belongs to another device"
    },
    {
      "code": 6022,
      "name": "wrongTokenAccount",
      "msg": "Token account has the wrong mint or owner"
    },
    {
      "code": 6023,
      "name": "vaultMismatch",
      "msg": "The pool vault holds less than its books say"
    },
    {
      "code": 6024,
      "name": "alreadyFailed",
      "msg": "The stake is already marked failed"
    }
  ],
  "types": [
    {
      "name": "burnCertificate",
      "docs": [
        "Proof that `burned` utility tokens were destroyed to cover `gpu_seconds` of staking in one pool.",
        "PDA `[\"certificate\", owner, pool, nonce]`; consumed (closed) by `create_stake`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "nonce",
            "type": "u64"
          },
          {
            "name": "gpuSeconds",
            "docs": [
              "GPU-seconds of stake this certificate covers."
            ],
            "type": "u64"
          },
          {
            "name": "burned",
            "docs": [
              "Base units burned (`burn_per_gpu_hour × gpu_seconds / 3600`, rounded up)."
            ],
            "type": "u64"
          },
          {
            "name": "createdAt",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "certificateBurned",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "certificate",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "gpuSeconds",
            "type": "u64"
          },
          {
            "name": "burned",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "device",
      "docs": [
        "A physical GPU registered to one pool. PDA `[\"device\", device_key]`: one account per key."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "owner",
            "docs": [
              "Miner who controls the device's stakes."
            ],
            "type": "pubkey"
          },
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "deviceKey",
            "docs": [
              "Key held on the machine; signs challenge responses (proof-of-compute)."
            ],
            "type": "pubkey"
          },
          {
            "name": "specsHash",
            "docs": [
              "Hash of the claimed hardware specs (model, VRAM, driver), checked by verifiers."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "registeredAt",
            "type": "i64"
          },
          {
            "name": "lockedUntil",
            "docs": [
              "End of the device's latest stake; a new stake may only start at or after it."
            ],
            "type": "i64"
          },
          {
            "name": "stakeCount",
            "docs": [
              "Stakes ever opened; the next stake's PDA index."
            ],
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "deviceRegistered",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "device",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "deviceKey",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "hoursBought",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "rental",
            "type": "pubkey"
          },
          {
            "name": "buyer",
            "type": "pubkey"
          },
          {
            "name": "tokensIn",
            "type": "u64"
          },
          {
            "name": "feeBurned",
            "type": "u64"
          },
          {
            "name": "hoursOut",
            "type": "u64"
          },
          {
            "name": "rentalEnd",
            "type": "i64"
          },
          {
            "name": "hoursAfter",
            "type": "u64"
          },
          {
            "name": "utilityAfter",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "hoursSold",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "hoursIn",
            "type": "u64"
          },
          {
            "name": "grossOut",
            "type": "u64"
          },
          {
            "name": "feeBurned",
            "type": "u64"
          },
          {
            "name": "sellerOut",
            "type": "u64"
          },
          {
            "name": "collateral",
            "type": "u64"
          },
          {
            "name": "hoursAfter",
            "type": "u64"
          },
          {
            "name": "utilityAfter",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "liquidityAdded",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "hoursIn",
            "type": "u64"
          },
          {
            "name": "tokensIn",
            "type": "u64"
          },
          {
            "name": "shares",
            "type": "u64"
          },
          {
            "name": "hoursAfter",
            "type": "u64"
          },
          {
            "name": "utilityAfter",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "pool",
      "docs": [
        "One pool per GPU class: hours (decaying lots) against utility tokens.",
        "PDA `[\"pool\", gpu_class]`. Its vault is the token account PDA `[\"vault\", pool]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "vaultBump",
            "type": "u8"
          },
          {
            "name": "gpuClass",
            "docs": [
              "Zero-padded ASCII, e.g. `H100`."
            ],
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "poolParams"
              }
            }
          },
          {
            "name": "utilityReserve",
            "docs": [
              "`U`, base units. The vault holds `U + escrow_total + collateral_total` (or more: donations)."
            ],
            "type": "u64"
          },
          {
            "name": "lpSupply",
            "docs": [
              "`L`, LP shares outstanding."
            ],
            "type": "u64"
          },
          {
            "name": "escrowTotal",
            "docs": [
              "Maintenance fees escrowed for seller stakes, base units."
            ],
            "type": "u64"
          },
          {
            "name": "collateralTotal",
            "docs": [
              "Seller collateral locked until each stake's end, base units."
            ],
            "type": "u64"
          },
          {
            "name": "reserve",
            "docs": [
              "Aggregate of the decaying hour reserve (see `pinfi_math::reserve`)."
            ],
            "type": {
              "defined": {
                "name": "reserveState"
              }
            }
          },
          {
            "name": "seq",
            "docs": [
              "Per-pool event sequence number; every event of this pool carries the next one."
            ],
            "type": "u64"
          },
          {
            "name": "stakeCount",
            "docs": [
              "Live stakes and rentals ever opened here (statistics for keepers)."
            ],
            "type": "u64"
          },
          {
            "name": "rentalCount",
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                64
              ]
            }
          },
          {
            "name": "slots",
            "docs": [
              "Unscaled rate (Q32.32 devices ÷ scale) of the lots ending at each bucket boundary."
            ],
            "type": {
              "array": [
                "u128",
                256
              ]
            }
          }
        ]
      }
    },
    {
      "name": "poolCreated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "gpuClass",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "poolParams"
              }
            }
          }
        ]
      }
    },
    {
      "name": "poolParams",
      "docs": [
        "Pool parameters chosen at creation."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "swapFeeBps",
            "docs": [
              "Swap fee on buys and sells, basis points; burned."
            ],
            "type": "u16"
          },
          {
            "name": "minStakeSecs",
            "docs": [
              "Shortest stake, seconds."
            ],
            "type": "u32"
          },
          {
            "name": "maxStakeSecs",
            "docs": [
              "Longest stake, seconds; at most `(BUCKETS − 2) × bucket_secs`."
            ],
            "type": "u32"
          },
          {
            "name": "bucketSecs",
            "docs": [
              "Bucket length, seconds. Stake and rental ends fall on multiples of it."
            ],
            "type": "u32"
          },
          {
            "name": "burnPerGpuHour",
            "docs": [
              "Certificate burn, base units per GPU-hour."
            ],
            "type": "u64"
          },
          {
            "name": "maintenancePerGpuHour",
            "docs": [
              "Maintenance fee escrowed by sellers, base units per GPU-hour; waived for LPs."
            ],
            "type": "u64"
          },
          {
            "name": "collateralBps",
            "docs": [
              "Seller collateral, multiple of gross proceeds in basis points (10_000 = 1×)."
            ],
            "type": "u32"
          },
          {
            "name": "referencePrice",
            "docs": [
              "Price used while a side of the pool is empty, base units per GPU-hour."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "poolSnapshot",
      "docs": [
        "What a pool holds at this instant, decay applied: a read-only view (`.view()` in Anchor",
        "clients, return data on chain) so dApps need not reimplement the reserve to show a price."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "at",
            "docs": [
              "Unix time of the snapshot (the Clock sysvar)."
            ],
            "type": "i64"
          },
          {
            "name": "hours",
            "docs": [
              "`H(at)`: GPU-seconds in the pool, rounded down."
            ],
            "type": "u64"
          },
          {
            "name": "utilityReserve",
            "docs": [
              "`U`: utility tokens pricing those hours, base units."
            ],
            "type": "u64"
          },
          {
            "name": "lpSupply",
            "type": "u64"
          },
          {
            "name": "seq",
            "docs": [
              "Event sequence number of the pool's latest change."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "protocol",
      "docs": [
        "The singleton: who administers, which SPL mint is the utility token, guard rails for pools.",
        "PDA `[\"protocol\"]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "admin",
            "docs": [
              "May pause the protocol and change the guard rails."
            ],
            "type": "pubkey"
          },
          {
            "name": "utilityMint",
            "docs": [
              "The utility token (a real SPL mint); every pool trades against it."
            ],
            "type": "pubkey"
          },
          {
            "name": "paused",
            "docs": [
              "When set, every user action that moves value in is refused; settlement still works."
            ],
            "type": "bool"
          },
          {
            "name": "maxSwapFeeBps",
            "docs": [
              "Highest swap fee a pool may set, basis points."
            ],
            "type": "u16"
          },
          {
            "name": "minBurnPerGpuHour",
            "docs": [
              "Lowest certificate burn a pool may set, base units per GPU-hour (Sybil cost floor)."
            ],
            "type": "u64"
          },
          {
            "name": "minCollateralBps",
            "docs": [
              "Lowest seller collateral multiple a pool may set, basis points (10_000 = 1×)."
            ],
            "type": "u32"
          },
          {
            "name": "poolCount",
            "docs": [
              "Pools created so far."
            ],
            "type": "u32"
          },
          {
            "name": "seq",
            "docs": [
              "Sequence number of protocol-level events (pool events have their own per pool)."
            ],
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                64
              ]
            }
          }
        ]
      }
    },
    {
      "name": "protocolInitialized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "admin",
            "type": "pubkey"
          },
          {
            "name": "utilityMint",
            "type": "pubkey"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "protocolParams"
              }
            }
          }
        ]
      }
    },
    {
      "name": "protocolParams",
      "docs": [
        "Guard rails set at initialisation and by the admin."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "maxSwapFeeBps",
            "type": "u16"
          },
          {
            "name": "minBurnPerGpuHour",
            "type": "u64"
          },
          {
            "name": "minCollateralBps",
            "type": "u32"
          }
        ]
      }
    },
    {
      "name": "protocolUpdated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "paused",
            "type": "bool"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "protocolParams"
              }
            }
          }
        ]
      }
    },
    {
      "name": "rental",
      "docs": [
        "GPU-seconds a buyer bought, consumed linearly over `[start, end]`: `rate × (end − t)` remain.",
        "PDA `[\"rental\", pool, buyer, id]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "buyer",
            "type": "pubkey"
          },
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "start",
            "type": "i64"
          },
          {
            "name": "end",
            "docs": [
              "A bucket boundary of the pool."
            ],
            "type": "i64"
          },
          {
            "name": "rate",
            "docs": [
              "Q32.32 devices."
            ],
            "type": "u128"
          },
          {
            "name": "gpuSeconds",
            "docs": [
              "GPU-seconds bought in total (purchase and extensions), as handed out by the pool."
            ],
            "type": "u64"
          },
          {
            "name": "paid",
            "docs": [
              "Base units paid in total, fees included."
            ],
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "rentalTerminated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "rental",
            "type": "pubkey"
          },
          {
            "name": "hoursReturned",
            "type": "u64"
          },
          {
            "name": "feeBurned",
            "type": "u64"
          },
          {
            "name": "buyerOut",
            "type": "u64"
          },
          {
            "name": "hoursAfter",
            "type": "u64"
          },
          {
            "name": "utilityAfter",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "reserveState",
      "docs": [
        "Stored form of `pinfi_math::reserve::Reserve` (bucket length lives in `PoolParams`)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "rateSum",
            "type": "u128"
          },
          {
            "name": "rateEndSum",
            "type": "u128"
          },
          {
            "name": "scale",
            "type": "u128"
          },
          {
            "name": "cursor",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "stake",
      "docs": [
        "The st-token: non-transferable (a PDA, not a token), bound to one device and a window.",
        "PDA `[\"stake\", device, index]`. Its own hour balance decays linearly to zero at `end`:",
        "`rate × (end − t)` GPU-seconds (rate Q32.32 devices; one device = 2^32)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "device",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "stakeKind"
              }
            }
          },
          {
            "name": "start",
            "type": "i64"
          },
          {
            "name": "end",
            "docs": [
              "A bucket boundary of the pool."
            ],
            "type": "i64"
          },
          {
            "name": "rate",
            "docs": [
              "Rate of the hours still held by the stake (not yet pooled or sold)."
            ],
            "type": "u128"
          },
          {
            "name": "maintenanceEscrow",
            "docs": [
              "Maintenance fee escrowed in the vault (sellers), base units."
            ],
            "type": "u64"
          },
          {
            "name": "collateral",
            "docs": [
              "Collateral locked in the vault (sellers), base units."
            ],
            "type": "u64"
          },
          {
            "name": "hoursPooled",
            "docs": [
              "GPU-seconds moved into the pool (LP deposit or sales), as credited by the pool."
            ],
            "type": "u64"
          },
          {
            "name": "tokens",
            "docs": [
              "Utility tokens: paid in by an LP, or received by a seller (after fee)."
            ],
            "type": "u64"
          },
          {
            "name": "lpShares",
            "docs": [
              "LP shares held (LP stakes)."
            ],
            "type": "u64"
          },
          {
            "name": "failed",
            "docs": [
              "Set when verification failed: collateral and fee are forfeited at settlement."
            ],
            "type": "bool"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "stakeCreated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "device",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "stakeKind"
              }
            }
          },
          {
            "name": "start",
            "type": "i64"
          },
          {
            "name": "end",
            "type": "i64"
          },
          {
            "name": "gpuSeconds",
            "type": "u64"
          },
          {
            "name": "maintenanceEscrow",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "stakeKind",
      "docs": [
        "Why a stake was opened; fixed for its life."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "lp"
          },
          {
            "name": "seller"
          }
        ]
      }
    },
    {
      "name": "stakeMarkedFailed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "stake",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "stakeSettled",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "stakeKind"
              }
            }
          },
          {
            "name": "failed",
            "type": "bool"
          },
          {
            "name": "paidOut",
            "docs": [
              "LP: `shares / L × U`; seller: collateral + fee refunded (0 when failed)."
            ],
            "type": "u64"
          },
          {
            "name": "burned",
            "docs": [
              "Seller collateral and fee burned because the stake failed."
            ],
            "type": "u64"
          },
          {
            "name": "utilityAfter",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "updateProtocolArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "paused",
            "type": {
              "option": "bool"
            }
          },
          {
            "name": "params",
            "type": {
              "option": {
                "defined": {
                  "name": "protocolParams"
                }
              }
            }
          },
          {
            "name": "newAdmin",
            "type": {
              "option": "pubkey"
            }
          }
        ]
      }
    }
  ]
};
