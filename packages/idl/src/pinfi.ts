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
      "name": "acceptAdmin",
      "docs": [
        "The proposed admin takes over (second step of the handover)."
      ],
      "discriminator": [
        112,
        42,
        45,
        90,
        116,
        181,
        13,
        170
      ],
      "accounts": [
        {
          "name": "pendingAdmin",
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
      "args": []
    },
    {
      "name": "addLiquidity",
      "docs": [
        "LP: all of the stake's hours plus equal-value tokens into the pool, for shares."
      ],
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
      "name": "assignRental",
      "docs": [
        "Permissionless: books devices for a waiting rental.",
        "Remaining accounts: candidate stakes (writable), earliest expiry first."
      ],
      "discriminator": [
        20,
        206,
        236,
        239,
        39,
        114,
        163,
        179
      ],
      "accounts": [
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
      "name": "burnForCertificate",
      "docs": [
        "Burns `gpu_seconds` × the pool's burn rate for a certificate covering that many GPU-seconds."
      ],
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
      "docs": [
        "Buyer: `tokens_in` (fee included) for hours, into a rental ending at `end`."
      ],
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
      "name": "claimRewards",
      "docs": [
        "Permissionless: pays a stake's rewards (× PoCPS multiplier) to its owner, burns the rest."
      ],
      "discriminator": [
        4,
        144,
        132,
        71,
        116,
        23,
        151,
        80
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
            "stake",
            "fromEpoch",
            "toEpoch"
          ]
        },
        {
          "name": "device",
          "writable": true
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
          "name": "fromEpoch"
        },
        {
          "name": "toEpoch"
        },
        {
          "name": "rewardsVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  119,
                  97,
                  114,
                  100,
                  115,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
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
      "name": "closeEpoch",
      "docs": [
        "Permissionless once ended: mints the epoch's emission (once)."
      ],
      "discriminator": [
        13,
        87,
        7,
        133,
        109,
        14,
        83,
        25
      ],
      "accounts": [
        {
          "name": "cranker",
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
          "name": "epoch",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  112,
                  111,
                  99,
                  104
                ]
              },
              {
                "kind": "arg",
                "path": "index"
              }
            ]
          }
        },
        {
          "name": "utilityMint",
          "writable": true
        },
        {
          "name": "rewardsVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  119,
                  97,
                  114,
                  100,
                  115,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
        },
        {
          "name": "foundation",
          "writable": true
        },
        {
          "name": "team",
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
          "name": "index",
          "type": "u64"
        }
      ]
    },
    {
      "name": "closePoolEpoch",
      "docs": [
        "Permissionless, per pool and epoch in order: the pool's share and reward per device-second."
      ],
      "discriminator": [
        252,
        255,
        73,
        136,
        115,
        50,
        118,
        200
      ],
      "accounts": [
        {
          "name": "cranker",
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
          "name": "epoch",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  112,
                  111,
                  99,
                  104
                ]
              },
              {
                "kind": "arg",
                "path": "index"
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "poolEpoch",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  111,
                  111,
                  108,
                  95,
                  101,
                  112,
                  111,
                  99,
                  104
                ]
              },
              {
                "kind": "account",
                "path": "pool"
              },
              {
                "kind": "arg",
                "path": "index"
              }
            ]
          }
        },
        {
          "name": "utilityMint",
          "writable": true
        },
        {
          "name": "rewardsVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  119,
                  97,
                  114,
                  100,
                  115,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
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
          "name": "index",
          "type": "u64"
        }
      ]
    },
    {
      "name": "commitLottery",
      "docs": [
        "Commits the verifier's round secrets for the lottery."
      ],
      "discriminator": [
        84,
        218,
        60,
        61,
        228,
        13,
        104,
        82
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "verifier"
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
          "name": "verifier",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "authority"
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
          "name": "root",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        },
        {
          "name": "startSlot",
          "type": "u64"
        },
        {
          "name": "rounds",
          "type": "u32"
        }
      ]
    },
    {
      "name": "configureEmission",
      "docs": [
        "Admin, once: the emission schedule, split and destinations."
      ],
      "discriminator": [
        174,
        156,
        142,
        53,
        48,
        5,
        162,
        69
      ],
      "accounts": [
        {
          "name": "admin",
          "writable": true,
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
          "name": "utilityMint"
        },
        {
          "name": "rewardsVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  119,
                  97,
                  114,
                  100,
                  115,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
        },
        {
          "name": "foundation"
        },
        {
          "name": "team"
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
          "name": "params",
          "type": {
            "defined": {
              "name": "emissionParams"
            }
          }
        }
      ]
    },
    {
      "name": "createPool",
      "docs": [
        "Permissionless: the pool of a GPU class (and its vault), with its own parameters."
      ],
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
      "docs": [
        "Certificate (+ maintenance fee for sellers) → a stake of one device over `[now, end]`."
      ],
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
      "name": "expireChallenge",
      "docs": [
        "Permissionless after the window: a challenge without verdict strikes its verifier."
      ],
      "discriminator": [
        73,
        82,
        20,
        227,
        216,
        66,
        58,
        41
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
          "name": "verifier",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "challenge.verifier",
                "account": "challenge"
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "challenge",
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
      "name": "extendRental",
      "docs": [
        "Buyer: a later end, the missing hours bought at the current price."
      ],
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
      "docs": [
        "Creates the protocol singleton (admin = signer) for a utility mint."
      ],
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
      "docs": [
        "Admin emergency switch: fails a stake (verdicts normally do this)."
      ],
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
      "name": "openChallenge",
      "docs": [
        "A verifier challenges a live stake's device: records the newest slot hash and the nonce",
        "commitment; under the lottery, only with a winning ticket."
      ],
      "discriminator": [
        56,
        176,
        3,
        12,
        28,
        205,
        10,
        5
      ],
      "accounts": [
        {
          "name": "authority",
          "writable": true,
          "signer": true,
          "relations": [
            "verifier"
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
          "name": "verifier",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "authority"
              }
            ]
          }
        },
        {
          "name": "pool",
          "writable": true,
          "relations": [
            "device"
          ]
        },
        {
          "name": "device",
          "writable": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "stake"
        },
        {
          "name": "challenge",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  104,
                  97,
                  108,
                  108,
                  101,
                  110,
                  103,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "device"
              },
              {
                "kind": "account",
                "path": "device.challenge_count",
                "account": "device"
              }
            ]
          }
        },
        {
          "name": "slotHashes",
          "address": "SysvarS1otHashes111111111111111111111111111"
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
          "name": "paramsId",
          "type": "u16"
        },
        {
          "name": "nonceCommit",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        },
        {
          "name": "ticket",
          "type": {
            "option": {
              "defined": {
                "name": "lotteryTicket"
              }
            }
          }
        }
      ]
    },
    {
      "name": "poolSnapshot",
      "docs": [
        "View (simulate it): the pool's decayed reserves and price now, as return data."
      ],
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
      "name": "refundRental",
      "docs": [
        "Permissionless after the placement window: refunds an unplaced rental at purchase value.",
        "Remaining accounts: the rental's assigned stakes (writable), in order."
      ],
      "discriminator": [
        207,
        191,
        8,
        127,
        132,
        241,
        147,
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
            "rental"
          ]
        },
        {
          "name": "rental",
          "writable": true
        },
        {
          "name": "buyer",
          "writable": true,
          "relations": [
            "rental"
          ]
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
      "name": "registerDevice",
      "docs": [
        "A miner registers a device (the device key co-signs) in a pool."
      ],
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
      "name": "registerVerifier",
      "docs": [
        "Stakes `amount` tokens to become a verifier."
      ],
      "discriminator": [
        67,
        234,
        172,
        169,
        184,
        188,
        145,
        156
      ],
      "accounts": [
        {
          "name": "authority",
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
          "name": "verifier",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "authority"
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
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "verifier"
              }
            ]
          }
        },
        {
          "name": "authorityTokens",
          "writable": true
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
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "sellHours",
      "docs": [
        "Seller: `hours` into the pool at the constant product; fee burned, collateral locked."
      ],
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
      "name": "setDeviceEndpoint",
      "docs": [
        "The device's miner-agent URL that verifiers call."
      ],
      "discriminator": [
        176,
        110,
        128,
        60,
        192,
        218,
        75,
        67
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "device"
          ]
        },
        {
          "name": "pool",
          "writable": true
        },
        {
          "name": "device",
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
      "args": [
        {
          "name": "endpoint",
          "type": "string"
        }
      ]
    },
    {
      "name": "setPoolWeight",
      "docs": [
        "Admin: a pool's share of the miners' emission."
      ],
      "discriminator": [
        223,
        113,
        222,
        126,
        27,
        80,
        95,
        143
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
          "name": "pool",
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
      "args": [
        {
          "name": "weight",
          "type": "u64"
        }
      ]
    },
    {
      "name": "setVerifierEndpoint",
      "docs": [
        "Where the verifier publishes its evidence bundles."
      ],
      "discriminator": [
        31,
        234,
        180,
        194,
        154,
        137,
        249,
        116
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "verifier"
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
          "name": "verifier",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "authority"
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
          "name": "endpoint",
          "type": "string"
        }
      ]
    },
    {
      "name": "settleExpired",
      "docs": [
        "Permissionless sweep: claims and settles many ended stakes of one pool at once.",
        "Remaining accounts, per stake: stake, device, owner, owner_tokens, from_epoch, to_epoch."
      ],
      "discriminator": [
        187,
        68,
        57,
        40,
        121,
        72,
        73,
        161
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
          "writable": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "rewardsVault",
          "docs": [
            "Absent (the program id) while emission is not configured."
          ],
          "writable": true,
          "optional": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  119,
                  97,
                  114,
                  100,
                  115,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
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
      "name": "settleStake",
      "docs": [
        "Permissionless after the stake's end: LP payout, or seller collateral + fee (refunded, or",
        "compensating the renter then burned if failed); closes the stake.",
        "Remaining accounts (failed seller stake booked by a rental): the rental, its buyer's tokens."
      ],
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
      "name": "slashVerifier",
      "docs": [
        "Admin: burns part of a verifier's stake after a re-audited bundle did not support its verdict."
      ],
      "discriminator": [
        133,
        226,
        237,
        187,
        178,
        10,
        116,
        203
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
          "name": "verifier",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "verifier"
          ]
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
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "submitVerdict",
      "docs": [
        "The challenge's verifier posts its verdict in the window; passes, strikes or failures take effect."
      ],
      "discriminator": [
        138,
        102,
        56,
        22,
        229,
        130,
        105,
        118
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "verifier"
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
          "name": "verifier",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "authority"
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
          "writable": true
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "challenge",
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
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "verdictArgs"
            }
          }
        }
      ]
    },
    {
      "name": "terminateRental",
      "docs": [
        "Buyer: the unused hours sold back at the current price."
      ],
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
      "name": "unbondVerifier",
      "docs": [
        "Starts the verifier's unbonding period (no more challenges)."
      ],
      "discriminator": [
        41,
        14,
        107,
        50,
        13,
        174,
        80,
        152
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "verifier"
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
          "name": "verifier",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "authority"
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
      "args": []
    },
    {
      "name": "updateProtocol",
      "docs": [
        "Admin: pause, guard rails, verification rules, rental placement window, proposed admin."
      ],
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
    },
    {
      "name": "withdrawVerifier",
      "docs": [
        "After unbonding, with no pending challenge: stake back, accounts closed."
      ],
      "discriminator": [
        53,
        239,
        50,
        237,
        236,
        255,
        93,
        12
      ],
      "accounts": [
        {
          "name": "authority",
          "writable": true,
          "signer": true,
          "relations": [
            "verifier"
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
          "name": "verifier",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  114,
                  105,
                  102,
                  105,
                  101,
                  114
                ]
              },
              {
                "kind": "account",
                "path": "authority"
              }
            ]
          }
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "verifier"
          ]
        },
        {
          "name": "authorityTokens",
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
      "name": "challenge",
      "discriminator": [
        119,
        250,
        161,
        121,
        119,
        81,
        22,
        208
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
      "name": "epoch",
      "discriminator": [
        93,
        83,
        120,
        89,
        151,
        138,
        152,
        108
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
      "name": "poolEpoch",
      "discriminator": [
        171,
        3,
        185,
        186,
        184,
        172,
        213,
        95
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
    },
    {
      "name": "verifier",
      "discriminator": [
        195,
        177,
        185,
        71,
        72,
        61,
        77,
        112
      ]
    }
  ],
  "events": [
    {
      "name": "adminAccepted",
      "discriminator": [
        174,
        12,
        76,
        139,
        158,
        99,
        110,
        254
      ]
    },
    {
      "name": "adminProposed",
      "discriminator": [
        129,
        249,
        226,
        227,
        199,
        82,
        110,
        243
      ]
    },
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
      "name": "challengeExpired",
      "discriminator": [
        8,
        175,
        9,
        64,
        0,
        48,
        124,
        120
      ]
    },
    {
      "name": "challengeOpened",
      "discriminator": [
        42,
        83,
        165,
        62,
        80,
        17,
        63,
        181
      ]
    },
    {
      "name": "deviceEndpointSet",
      "discriminator": [
        207,
        207,
        16,
        76,
        212,
        58,
        145,
        222
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
      "name": "emissionConfigured",
      "discriminator": [
        252,
        210,
        84,
        138,
        196,
        131,
        80,
        241
      ]
    },
    {
      "name": "epochClosed",
      "discriminator": [
        21,
        4,
        48,
        56,
        29,
        169,
        77,
        42
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
      "name": "lotteryCommitted",
      "discriminator": [
        254,
        24,
        191,
        31,
        82,
        53,
        171,
        174
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
      "name": "poolEpochClosed",
      "discriminator": [
        104,
        12,
        9,
        108,
        220,
        43,
        163,
        126
      ]
    },
    {
      "name": "poolWeightSet",
      "discriminator": [
        192,
        191,
        0,
        45,
        30,
        248,
        132,
        148
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
      "name": "rentalAssigned",
      "discriminator": [
        194,
        233,
        247,
        62,
        50,
        121,
        40,
        200
      ]
    },
    {
      "name": "rentalRefunded",
      "discriminator": [
        95,
        25,
        168,
        44,
        159,
        18,
        37,
        229
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
      "name": "rewardsClaimed",
      "discriminator": [
        75,
        98,
        88,
        18,
        219,
        112,
        88,
        121
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
      "name": "stakeFailed",
      "discriminator": [
        230,
        240,
        55,
        43,
        41,
        213,
        116,
        28
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
    },
    {
      "name": "stakesSettled",
      "discriminator": [
        244,
        121,
        248,
        236,
        145,
        144,
        146,
        55
      ]
    },
    {
      "name": "verdictPosted",
      "discriminator": [
        44,
        223,
        37,
        191,
        52,
        84,
        78,
        6
      ]
    },
    {
      "name": "verificationParamsUpdated",
      "discriminator": [
        207,
        2,
        60,
        242,
        149,
        208,
        7,
        197
      ]
    },
    {
      "name": "verifierEndpointSet",
      "discriminator": [
        37,
        216,
        19,
        15,
        185,
        4,
        177,
        245
      ]
    },
    {
      "name": "verifierRegistered",
      "discriminator": [
        203,
        97,
        26,
        57,
        161,
        104,
        177,
        144
      ]
    },
    {
      "name": "verifierSlashed",
      "discriminator": [
        41,
        11,
        233,
        16,
        87,
        34,
        95,
        136
      ]
    },
    {
      "name": "verifierUnbonding",
      "discriminator": [
        249,
        160,
        7,
        121,
        48,
        120,
        101,
        139
      ]
    },
    {
      "name": "verifierWithdrawn",
      "discriminator": [
        124,
        67,
        43,
        26,
        154,
        110,
        133,
        209
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
    },
    {
      "code": 6025,
      "name": "verifierStakeTooLow",
      "msg": "The verifier's stake is below the protocol minimum"
    },
    {
      "code": 6026,
      "name": "verifierInactive",
      "msg": "The verifier is unbonding or suspended"
    },
    {
      "code": 6027,
      "name": "alreadyUnbonding",
      "msg": "The verifier is already unbonding"
    },
    {
      "code": 6028,
      "name": "unbondingNotOver",
      "msg": "The verifier's unbonding period has not passed (or unbonding never started)"
    },
    {
      "code": 6029,
      "name": "challengesPending",
      "msg": "The verifier still has challenges without a verdict"
    },
    {
      "code": 6030,
      "name": "selfChallenge",
      "msg": "A verifier may not challenge its own device"
    },
    {
      "code": 6031,
      "name": "stakeNotLive",
      "msg": "The stake is not live (not started, ended or failed)"
    },
    {
      "code": 6032,
      "name": "challengeDecided",
      "msg": "The challenge already has a verdict or has expired"
    },
    {
      "code": 6033,
      "name": "verdictWindowClosed",
      "msg": "The verdict window of this challenge has closed"
    },
    {
      "code": 6034,
      "name": "verdictWindowOpen",
      "msg": "The verdict window of this challenge is still open"
    },
    {
      "code": 6035,
      "name": "nonceMismatch",
      "msg": "The revealed nonce does not hash to the committed one"
    },
    {
      "code": 6036,
      "name": "inconsistentVerdict",
      "msg": "The outcome contradicts the posted timings (or is not a verdict)"
    },
    {
      "code": 6037,
      "name": "wrongVerifier",
      "msg": "Signer is not the challenge's verifier"
    },
    {
      "code": 6038,
      "name": "endpointTooLong",
      "msg": "The device endpoint is longer than 128 bytes"
    },
    {
      "code": 6039,
      "name": "invalidVerificationParams",
      "msg": "A verification parameter is out of its allowed range"
    },
    {
      "code": 6040,
      "name": "slotHashesUnavailable",
      "msg": "The SlotHashes sysvar holds no entry yet"
    },
    {
      "code": 6041,
      "name": "emissionAlreadyConfigured",
      "msg": "Emission is already configured; its schedule cannot change"
    },
    {
      "code": 6042,
      "name": "emissionNotConfigured",
      "msg": "Emission is not configured"
    },
    {
      "code": 6043,
      "name": "invalidEmissionParams",
      "msg": "An emission parameter is out of its allowed range"
    },
    {
      "code": 6044,
      "name": "mintAuthorityNotProtocol",
      "msg": "The utility mint's authority must be the protocol PDA to emit rewards"
    },
    {
      "code": 6045,
      "name": "epochNotOver",
      "msg": "The epoch has not ended yet"
    },
    {
      "code": 6046,
      "name": "wrongEpoch",
      "msg": "Epochs close in order: this is not the next epoch to close"
    },
    {
      "code": 6047,
      "name": "wrongPoolEpoch",
      "msg": "The pool-epoch accounts do not cover the stake's claim window"
    },
    {
      "code": 6048,
      "name": "rewardsUnclaimed",
      "msg": "Claim the stake's rewards up to its end before settling"
    },
    {
      "code": 6049,
      "name": "tooManyDevices",
      "msg": "A rental may span at most 8 devices; buy several rentals"
    },
    {
      "code": 6050,
      "name": "rentalNotWaiting",
      "msg": "The rental is already placed on devices"
    },
    {
      "code": 6051,
      "name": "placementWindowOpen",
      "msg": "The rental may still be placed; refunds come after the placement window"
    },
    {
      "code": 6052,
      "name": "noEligibleStake",
      "msg": "None of the given stakes can serve the rental (pool, window, booking, failure)"
    },
    {
      "code": 6053,
      "name": "wrongStakes",
      "msg": "The stakes given are not the rental's assigned stakes"
    },
    {
      "code": 6054,
      "name": "renterAccountsMissing",
      "msg": "A failed stake that served a renter must be settled with that rental and its buyer's token account"
    },
    {
      "code": 6055,
      "name": "notPendingAdmin",
      "msg": "Signer is not the proposed admin (or no admin is proposed)"
    },
    {
      "code": 6056,
      "name": "invalidLotteryParams",
      "msg": "Lottery parameters out of range (round_slots ≤ 240, draws ≥ 1 when on)"
    },
    {
      "code": 6057,
      "name": "lotteryTicketMissing",
      "msg": "The lottery is on: open_challenge needs a ticket"
    },
    {
      "code": 6058,
      "name": "lotteryRoundInvalid",
      "msg": "The ticket's round is not the current (or previous) round of the verifier's commitment"
    },
    {
      "code": 6059,
      "name": "lotteryBadProof",
      "msg": "The ticket's secret is not the committed secret of its round"
    },
    {
      "code": 6060,
      "name": "lotteryNotDrawn",
      "msg": "The verifier is not drawn for this device in this round"
    },
    {
      "code": 6061,
      "name": "lotteryCommitRefused",
      "msg": "Round secrets may be committed once the previous commitment has ended, starting in a future slot"
    }
  ],
  "types": [
    {
      "name": "adminAccepted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "previous",
            "type": "pubkey"
          },
          {
            "name": "admin",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "adminProposed",
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
            "name": "pendingAdmin",
            "docs": [
              "Default key: the proposal was withdrawn."
            ],
            "type": "pubkey"
          }
        ]
      }
    },
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
      "name": "censusState",
      "docs": [
        "Stored form of `pinfi_math::census::Census`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "active",
            "type": "u64"
          },
          {
            "name": "inEpoch",
            "type": "u64"
          },
          {
            "name": "epoch",
            "type": "u64"
          },
          {
            "name": "cursor",
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
      "name": "challenge",
      "docs": [
        "One challenge of one device. PDA `[\"challenge\", device, id]` with `id = device.challenge_count`."
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
            "name": "id",
            "type": "u64"
          },
          {
            "name": "verifier",
            "docs": [
              "The verifier's authority (signer of open and verdict)."
            ],
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
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "paramsId",
            "docs": [
              "Row of the parameter table (`@pinfi/verifier` params) the prover must use."
            ],
            "type": "u16"
          },
          {
            "name": "openedAt",
            "type": "i64"
          },
          {
            "name": "openedSlot",
            "type": "u64"
          },
          {
            "name": "slotHash",
            "docs": [
              "Most recent SlotHashes entry when the challenge opened: unknown to both sides beforehand."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "nonceCommit",
            "docs": [
              "SHA-256 of the verifier's nonce, committed before the slot hash existed."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "verdictDeadlineSlot",
            "docs": [
              "Last slot at which the verdict is accepted."
            ],
            "type": "u64"
          },
          {
            "name": "outcome",
            "type": {
              "defined": {
                "name": "challengeOutcome"
              }
            }
          },
          {
            "name": "nonce",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "elapsedMs",
            "type": "u32"
          },
          {
            "name": "deadlineMs",
            "type": "u32"
          },
          {
            "name": "root",
            "docs": [
              "Transcript and walk Merkle roots the prover signed."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "walkRoot",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "evidenceHash",
            "docs": [
              "SHA-256 of the canonical evidence bundle kept by the verifier."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "decidedAt",
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          }
        ]
      }
    },
    {
      "name": "challengeExpired",
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
            "name": "challenge",
            "type": "pubkey"
          },
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "verifierStrikes",
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "challengeOpened",
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
            "name": "challenge",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "device",
            "type": "pubkey"
          },
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "paramsId",
            "type": "u16"
          },
          {
            "name": "slotHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "nonceCommit",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "verdictDeadlineSlot",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "challengeOutcome",
      "docs": [
        "What a verifier found. `Pending` until the verdict; `Expired` when none came in time."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "pending"
          },
          {
            "name": "pass"
          },
          {
            "name": "late"
          },
          {
            "name": "wrong"
          },
          {
            "name": "noOpen"
          },
          {
            "name": "noResponse"
          },
          {
            "name": "expired"
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
            "name": "endpoint",
            "docs": [
              "Where the miner agent answers challenges (HTTP URL); empty until set."
            ],
            "type": "string"
          },
          {
            "name": "challengeCount",
            "docs": [
              "Challenges ever opened; the next challenge's PDA index."
            ],
            "type": "u64"
          },
          {
            "name": "passes",
            "type": "u32"
          },
          {
            "name": "strikes",
            "type": "u32"
          },
          {
            "name": "failures",
            "type": "u32"
          },
          {
            "name": "perfBps",
            "docs": [
              "Measured speed vs the class reference of the last pass or late verdict, basis points",
              "(10_000 = reference or faster): `W / W_benchmark` of the PoW multiplier."
            ],
            "type": "u16"
          },
          {
            "name": "lastVerdictAt",
            "type": "i64"
          },
          {
            "name": "rewardsEarned",
            "docs": [
              "Block rewards ever paid to the device's stakes (`C_minted` of the PoL multiplier)."
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
      "name": "deviceEndpointSet",
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
            "name": "endpoint",
            "type": "string"
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
      "name": "emissionConfigured",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "emissionParams"
              }
            }
          },
          {
            "name": "rewardsVault",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "emissionParams",
      "docs": [
        "Block-reward emission (protocol-notes §5), configured once by the admin. `epoch_secs == 0`",
        "means not configured: no epochs, no rewards, settlement needs no claim."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "genesis",
            "docs": [
              "Start of epoch 0; not in the past when configured."
            ],
            "type": "i64"
          },
          {
            "name": "epochSecs",
            "docs": [
              "One day on mainnet, seconds in tests."
            ],
            "type": "u32"
          },
          {
            "name": "perDay",
            "docs": [
              "Base units per day before the first halving (100,000 tokens)."
            ],
            "type": "u64"
          },
          {
            "name": "halvingSecs",
            "docs": [
              "365 days."
            ],
            "type": "u64"
          },
          {
            "name": "maxSupply",
            "docs": [
              "Hard cap of everything ever emitted (73,000,000 tokens)."
            ],
            "type": "u64"
          },
          {
            "name": "minersBps",
            "docs": [
              "7_000: the miners' share, spread over pools by weight."
            ],
            "type": "u16"
          },
          {
            "name": "foundationBps",
            "docs": [
              "2_000 to `foundation`; the team's 10 % is the rest."
            ],
            "type": "u16"
          },
          {
            "name": "potRampSecs",
            "docs": [
              "T0 of the PoT multiplier (30 days)."
            ],
            "type": "u32"
          },
          {
            "name": "foundation",
            "docs": [
              "Token accounts (utility mint) receiving the foundation and team shares."
            ],
            "type": "pubkey"
          },
          {
            "name": "team",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "epoch",
      "docs": [
        "A closed epoch: what was minted and how much of the miners' share pools have taken.",
        "PDA `[\"epoch\", index]`; its existence is the proof that the epoch closed once."
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
            "name": "index",
            "type": "u64"
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
            "name": "minted",
            "type": "u64"
          },
          {
            "name": "miners",
            "type": "u64"
          },
          {
            "name": "foundation",
            "type": "u64"
          },
          {
            "name": "team",
            "type": "u64"
          },
          {
            "name": "totalWeight",
            "docs": [
              "Σ pool weights when the epoch closed; each pool's share is `miners × weight / total`."
            ],
            "type": "u64"
          },
          {
            "name": "assigned",
            "docs": [
              "Miners' tokens assigned to pools so far (never more than `miners`)."
            ],
            "type": "u64"
          },
          {
            "name": "poolsClosed",
            "type": "u32"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          }
        ]
      }
    },
    {
      "name": "epochClosed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "index",
            "type": "u64"
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
            "name": "minted",
            "type": "u64"
          },
          {
            "name": "miners",
            "type": "u64"
          },
          {
            "name": "foundation",
            "type": "u64"
          },
          {
            "name": "team",
            "type": "u64"
          },
          {
            "name": "emittedTotal",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "failReason",
      "docs": [
        "Why a stake failed."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "admin"
          },
          {
            "name": "wrongProof"
          },
          {
            "name": "strikes"
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
      "name": "lotteryCommitment",
      "docs": [
        "A verifier's committed round secrets: the Merkle root over `leaf(secret_r)`, `r < rounds`,",
        "round `r` covering slots `[start_slot + r·round_slots, start_slot + (r+1)·round_slots)`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "root",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "startSlot",
            "type": "u64"
          },
          {
            "name": "rounds",
            "type": "u32"
          },
          {
            "name": "roundSlots",
            "type": "u32"
          }
        ]
      }
    },
    {
      "name": "lotteryCommitted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "root",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "startSlot",
            "type": "u64"
          },
          {
            "name": "rounds",
            "type": "u32"
          },
          {
            "name": "roundSlots",
            "type": "u32"
          }
        ]
      }
    },
    {
      "name": "lotteryParams",
      "docs": [
        "Verifier–device pairing (decisions.md §31), set by the admin. Off while `round_slots` is 0."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "roundSlots",
            "docs": [
              "Slots per round; at most `MAX_ROUND_SLOTS`, so a round's first slot hash is still in the",
              "SlotHashes sysvar (512 entries) until the round's grace ends."
            ],
            "type": "u32"
          },
          {
            "name": "draws",
            "docs": [
              "Verifiers that may challenge a device in a round, in expectation."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "lotteryTicket",
      "docs": [
        "What `open_challenge` carries under the lottery: the round, its secret, the secret's path."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "round",
            "type": "u64"
          },
          {
            "name": "secret",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "path",
            "type": {
              "vec": {
                "array": [
                  "u8",
                  32
                ]
              }
            }
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
            "name": "weight",
            "docs": [
              "Share of the miners' emission, relative to the other pools; set by the admin. 0 (the",
              "default) earns nothing, so a permissionless pool cannot farm rewards until governed."
            ],
            "type": "u64"
          },
          {
            "name": "nextEpoch",
            "docs": [
              "The next epoch this pool closes (`close_pool_epoch`), in order."
            ],
            "type": "u64"
          },
          {
            "name": "accReward",
            "docs": [
              "Standard reward per device-second accumulated up to the end of the last closed epoch,",
              "Q64.64, wrapping (see `PoolEpoch`)."
            ],
            "type": "u128"
          },
          {
            "name": "census",
            "docs": [
              "Devices staked over time (see `pinfi_math::census`)."
            ],
            "type": {
              "defined": {
                "name": "censusState"
              }
            }
          },
          {
            "name": "rewardsPaid",
            "docs": [
              "Rewards paid to stakes and burned by multipliers or failures, base units."
            ],
            "type": "u64"
          },
          {
            "name": "rewardsBurned",
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
          },
          {
            "name": "stakeEnds",
            "docs": [
              "Stakes ending at each bucket boundary (the census's scheduled decrements)."
            ],
            "type": {
              "array": [
                "u32",
                256
              ]
            }
          },
          {
            "name": "epochDeviceSeconds",
            "docs": [
              "Device-seconds of recently finished epochs, at `epoch % EPOCH_RING`."
            ],
            "type": {
              "array": [
                "u64",
                32
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
      "name": "poolEpoch",
      "docs": [
        "One pool's part of one epoch. `reward(t) = acc_start + rho × (t − start)` is the standard",
        "reward per device-second accumulated since the pool's first epoch, Q64.64, wrapping (only",
        "differences are used, Uniswap/Orca growth style). PDA `[\"pool_epoch\", pool, index]`."
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
            "name": "pool",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u64"
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
            "name": "share",
            "docs": [
              "Miners' tokens this pool received for the epoch."
            ],
            "type": "u64"
          },
          {
            "name": "deviceSeconds",
            "docs": [
              "Device-seconds staked in the pool during the epoch."
            ],
            "type": "u64"
          },
          {
            "name": "rho",
            "docs": [
              "Q64.64 tokens per device-second."
            ],
            "type": "u128"
          },
          {
            "name": "accStart",
            "type": "u128"
          },
          {
            "name": "burned",
            "docs": [
              "Share burned because nobody was staked (or the census ring no longer held the epoch)."
            ],
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          }
        ]
      }
    },
    {
      "name": "poolEpochClosed",
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
            "name": "index",
            "type": "u64"
          },
          {
            "name": "share",
            "type": "u64"
          },
          {
            "name": "deviceSeconds",
            "type": "u64"
          },
          {
            "name": "rho",
            "type": "u128"
          },
          {
            "name": "burned",
            "type": "u64"
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
      "name": "poolWeightSet",
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
            "name": "weight",
            "type": "u64"
          },
          {
            "name": "totalWeight",
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
            "name": "verification",
            "docs": [
              "Proof-of-compute rules."
            ],
            "type": {
              "defined": {
                "name": "verificationParams"
              }
            }
          },
          {
            "name": "verifierCount",
            "docs": [
              "Verifiers registered so far."
            ],
            "type": "u32"
          },
          {
            "name": "emission",
            "docs": [
              "Block rewards; unset until `configure_emission`."
            ],
            "type": {
              "defined": {
                "name": "emissionParams"
              }
            }
          },
          {
            "name": "emitted",
            "docs": [
              "Everything minted by epochs so far, base units."
            ],
            "type": "u64"
          },
          {
            "name": "nextEpoch",
            "docs": [
              "The next epoch to close; epochs close in order."
            ],
            "type": "u64"
          },
          {
            "name": "totalWeight",
            "docs": [
              "Σ of pool weights."
            ],
            "type": "u64"
          },
          {
            "name": "rewardsVaultBump",
            "type": "u8"
          },
          {
            "name": "rentalPlacementSecs",
            "docs": [
              "A rental not placed on devices within this many seconds may be refunded."
            ],
            "type": "u32"
          },
          {
            "name": "pendingAdmin",
            "docs": [
              "Proposed by the admin; becomes admin only by signing `accept_admin` (default = none), so a",
              "mistyped key can never take the protocol out of reach."
            ],
            "type": "pubkey"
          },
          {
            "name": "lottery",
            "docs": [
              "Verifier–device pairing; off by default (a young network has few verifiers)."
            ],
            "type": {
              "defined": {
                "name": "lotteryParams"
              }
            }
          },
          {
            "name": "activeVerifiers",
            "docs": [
              "Verifiers registered and not withdrawn: the lottery's denominator."
            ],
            "type": "u32"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                22
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
            "name": "fees",
            "docs": [
              "Of which fees (burned)."
            ],
            "type": "u64"
          },
          {
            "name": "status",
            "type": {
              "defined": {
                "name": "rentalStatus"
              }
            }
          },
          {
            "name": "devices",
            "docs": [
              "Whole devices the rate needs: `ceil(rate)`."
            ],
            "type": "u8"
          },
          {
            "name": "assigned",
            "docs": [
              "Stakes (one device each) booked for the rental's window, first `assigned_count` valid."
            ],
            "type": {
              "array": [
                "pubkey",
                8
              ]
            }
          },
          {
            "name": "assignedCount",
            "type": "u8"
          },
          {
            "name": "waitingSince",
            "docs": [
              "Since when the rental waits for devices (purchase, or the extension that reopened it)."
            ],
            "type": "i64"
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
      "name": "rentalAssigned",
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
            "name": "added",
            "docs": [
              "Stakes booked by this call."
            ],
            "type": "u8"
          },
          {
            "name": "assigned",
            "type": "u8"
          },
          {
            "name": "devices",
            "type": "u8"
          },
          {
            "name": "placed",
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "rentalRefunded",
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
            "name": "refund",
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
      "name": "rentalStatus",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "waiting"
          },
          {
            "name": "placed"
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
      "name": "rewardsClaimed",
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
            "name": "from",
            "type": "i64"
          },
          {
            "name": "to",
            "type": "i64"
          },
          {
            "name": "standard",
            "type": "u64"
          },
          {
            "name": "multiplier",
            "docs": [
              "PoT × PoL × PoW, Q32.32 (0 for a failed stake)."
            ],
            "type": "u64"
          },
          {
            "name": "paid",
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
      "name": "settledStake",
      "docs": [
        "One stake of a `settle_expired` sweep."
      ],
      "type": {
        "kind": "struct",
        "fields": [
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
            "type": "u64"
          },
          {
            "name": "burned",
            "type": "u64"
          },
          {
            "name": "rewardsPaid",
            "docs": [
              "Rewards claimed with the settlement (and burned by the multiplier or a failure)."
            ],
            "type": "u64"
          },
          {
            "name": "rewardsBurned",
            "type": "u64"
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
            "name": "failedAt",
            "docs": [
              "When it failed (0 while it has not)."
            ],
            "type": "i64"
          },
          {
            "name": "strikeLog",
            "docs": [
              "Recent proof-of-compute strikes (lateness, missing answers)."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "strikeRecord"
                  }
                },
                4
              ]
            }
          },
          {
            "name": "bookedUntil",
            "docs": [
              "The device serves a rental until then…"
            ],
            "type": "i64"
          },
          {
            "name": "bookedBy",
            "docs": [
              "…this one."
            ],
            "type": "pubkey"
          },
          {
            "name": "rewardsCursor",
            "docs": [
              "Rewards are claimed up to this instant."
            ],
            "type": "i64"
          },
          {
            "name": "rewardsPaid",
            "type": "u64"
          },
          {
            "name": "rewardsBurned",
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
      "name": "stakeFailed",
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
            "name": "reason",
            "type": {
              "defined": {
                "name": "failReason"
              }
            }
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
            "name": "compensation",
            "docs": [
              "Paid from a failed seller's collateral to the renter its device was serving."
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
      "name": "stakesSettled",
      "docs": [
        "A `settle_expired` sweep: every stake it settled, in order."
      ],
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
            "name": "settled",
            "type": {
              "vec": {
                "defined": {
                  "name": "settledStake"
                }
              }
            }
          },
          {
            "name": "utilityAfter",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "strikeRecord",
      "docs": [
        "One strike against a stake: by whom, when."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "at",
            "type": "i64"
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
            "docs": [
              "Proposes the next admin (see `accept_admin`); the current admin or the default key withdraws",
              "a proposal."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "verification",
            "type": {
              "option": {
                "defined": {
                  "name": "verificationParams"
                }
              }
            }
          },
          {
            "name": "rentalPlacementSecs",
            "type": {
              "option": "u32"
            }
          },
          {
            "name": "lottery",
            "docs": [
              "Verifier–device pairing; `round_slots: 0` turns it off."
            ],
            "type": {
              "option": {
                "defined": {
                  "name": "lotteryParams"
                }
              }
            }
          }
        ]
      }
    },
    {
      "name": "verdictArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "outcome",
            "type": {
              "defined": {
                "name": "challengeOutcome"
              }
            }
          },
          {
            "name": "nonce",
            "docs": [
              "The nonce whose SHA-256 was committed at open."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "elapsedMs",
            "docs": [
              "Release of the seed → signed commitment, as the verifier measured it (RTT allowance included)."
            ],
            "type": "u32"
          },
          {
            "name": "deadlineMs",
            "type": "u32"
          },
          {
            "name": "root",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "walkRoot",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "evidenceHash",
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
      "name": "verdictPosted",
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
            "name": "challenge",
            "type": "pubkey"
          },
          {
            "name": "device",
            "type": "pubkey"
          },
          {
            "name": "stake",
            "type": "pubkey"
          },
          {
            "name": "outcome",
            "type": {
              "defined": {
                "name": "challengeOutcome"
              }
            }
          },
          {
            "name": "elapsedMs",
            "type": "u32"
          },
          {
            "name": "deadlineMs",
            "type": "u32"
          },
          {
            "name": "evidenceHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "stakeFailed",
            "docs": [
              "The stake failed through this verdict (objective failure, or the strike that tipped it)."
            ],
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "verificationParams",
      "docs": [
        "Proof-of-compute rules, set by the admin (`update_protocol`). Times in seconds unless named."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "minVerifierStake",
            "docs": [
              "Utility tokens (base units) a verifier must keep staked to open challenges."
            ],
            "type": "u64"
          },
          {
            "name": "unbondingSecs",
            "docs": [
              "Wait between `unbond_verifier` and `withdraw_verifier`, so a slash can still reach the stake."
            ],
            "type": "u32"
          },
          {
            "name": "verdictWindowSlots",
            "docs": [
              "Slots after `open_challenge` within which the verdict must land."
            ],
            "type": "u32"
          },
          {
            "name": "strikeWindowSecs",
            "docs": [
              "Strikes older than this no longer count towards failing a stake."
            ],
            "type": "u32"
          },
          {
            "name": "strikesToFail",
            "docs": [
              "Strikes within the window that fail a stake…"
            ],
            "type": "u8"
          },
          {
            "name": "distinctVerifiersToFail",
            "docs": [
              "…provided they come from at least this many distinct verifiers."
            ],
            "type": "u8"
          },
          {
            "name": "verifierStrikesToSuspend",
            "docs": [
              "Missed verdicts after which a verifier may no longer open challenges."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "verificationParamsUpdated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "verificationParams"
              }
            }
          }
        ]
      }
    },
    {
      "name": "verifier",
      "docs": [
        "A staked verifier. PDA `[\"verifier\", authority]`; its stake sits in the token account PDA",
        "`[\"verifier_vault\", verifier]`, owned by this account."
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
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "staked",
            "docs": [
              "Base units staked (what the vault holds)."
            ],
            "type": "u64"
          },
          {
            "name": "unbondingSince",
            "docs": [
              "When unbonding started; 0 while active."
            ],
            "type": "i64"
          },
          {
            "name": "pending",
            "docs": [
              "Challenges opened and not yet decided or expired; withdrawal waits for 0."
            ],
            "type": "u32"
          },
          {
            "name": "strikes",
            "docs": [
              "Verdicts that never came (expired challenges)."
            ],
            "type": "u16"
          },
          {
            "name": "opened",
            "type": "u64"
          },
          {
            "name": "verdicts",
            "type": "u64"
          },
          {
            "name": "slashed",
            "docs": [
              "Base units burned by slashes, in total."
            ],
            "type": "u64"
          },
          {
            "name": "endpoint",
            "docs": [
              "Where anyone fetches this verifier's evidence bundles: `<endpoint>/evidence/<hash>.json`."
            ],
            "type": "string"
          },
          {
            "name": "lottery",
            "docs": [
              "Round secrets for the lottery (`commit_lottery`)."
            ],
            "type": {
              "defined": {
                "name": "lotteryCommitment"
              }
            }
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
      "name": "verifierEndpointSet",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "endpoint",
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "verifierRegistered",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "staked",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "verifierSlashed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "burned",
            "type": "u64"
          },
          {
            "name": "stakedAfter",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "verifierUnbonding",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "since",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "verifierWithdrawn",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seq",
            "type": "u64"
          },
          {
            "name": "verifier",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          }
        ]
      }
    }
  ]
};
