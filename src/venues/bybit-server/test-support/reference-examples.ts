// The official response examples of the shared Bybit V5 reference (shared/reference/bybit-v5.md, Bybit docs verbatim): response shapes are checked against them.
// Generated from the reference's ```json blocks; the instruments example is its first (USDT perpetual) document.

export const EXAMPLES = {
  envelope: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {},
    "retExtInfo": {},
    "time": 1671017382656
  },
  time: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "timeSecond": "1688639403",
      "timeNano": "1688639403423213947"
    },
    "retExtInfo": {},
    "time": 1688639403423
  },
  kline: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "symbol": "BTCUSD",
      "category": "inverse",
      "list": [
        [
          "1670608800000",
          "17071",
          "17073",
          "17027",
          "17055.5",
          "268611",
          "15.74462667"
        ],
        [
          "1670605200000",
          "17071.5",
          "17071.5",
          "17061",
          "17071",
          "4177",
          "0.24469757"
        ],
        [
          "1670601600000",
          "17086.5",
          "17088",
          "16978",
          "17071.5",
          "6356",
          "0.37288112"
        ]
      ]
    },
    "retExtInfo": {},
    "time": 1672025956592
  },
  instruments: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "category": "linear",
      "list": [
        {
          "symbol": "BTCUSDT",
          "symbolId": 5,
          "contractType": "LinearPerpetual",
          "status": "Trading",
          "baseCoin": "BTC",
          "quoteCoin": "USDT",
          "launchTime": "1585526400000",
          "deliveryTime": "0",
          "deliveryFeeRate": "",
          "priceScale": "2",
          "leverageFilter": {
            "minLeverage": "1",
            "maxLeverage": "100.00",
            "leverageStep": "0.01"
          },
          "priceFilter": {
            "minPrice": "0.10",
            "maxPrice": "1999999.80",
            "tickSize": "0.10"
          },
          "lotSizeFilter": {
            "maxOrderQty": "1190.000",
            "minOrderQty": "0.001",
            "qtyStep": "0.001",
            "postOnlyMaxOrderQty": "1190.000",
            "maxMktOrderQty": "500.000",
            "minNotionalValue": "5"
          },
          "unifiedMarginTrade": true,
          "fundingInterval": 480,
          "settleCoin": "USDT",
          "copyTrading": "both",
          "upperFundingRate": "0.00375",
          "lowerFundingRate": "-0.00375",
          "isPreListing": false,
          "preListingInfo": null,
          "riskParameters": {
            "priceLimitRatioX": "0.01",
            "priceLimitRatioY": "0.02"
          },
          "symbolType": ""
        }
      ],
      "nextPageCursor": ""
    },
    "retExtInfo": {},
    "time": 1735809771618
  },
  tickers: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "category": "inverse",
      "list": [
        {
          "symbol": "BTCUSD",
          "lastPrice": "120635.50",
          "indexPrice": "114890.92",
          "markPrice": "114898.43",
          "prevPrice24h": "105595.90",
          "price24hPcnt": "0.142425",
          "highPrice24h": "131309.30",
          "lowPrice24h": "102007.60",
          "prevPrice1h": "119806.10",
          "openInterest": "240113967",
          "openInterestValue": "2089.79",
          "turnover24h": "115.6907",
          "volume24h": "13713832.0000",
          "fundingRate": "0.0001",
          "nextFundingTime": "1760371200000",
          "predictedDeliveryPrice": "",
          "basisRate": "",
          "deliveryFeeRate": "",
          "deliveryTime": "0",
          "ask1Size": "9854",
          "bid1Price": "103401.00",
          "ask1Price": "109152.80",
          "bid1Size": "1063",
          "basis": "",
          "preOpenPrice": "",
          "preQty": "",
          "curPreListingPhase": "",
          "fundingIntervalHour": "8",
          "basisRateYear": "",
          "fundingCap": "0.005"
        }
      ]
    },
    "retExtInfo": {},
    "time": 1760352369814
  },
  orderbook: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "s": "BTCUSDT",
      "a": [
        [
          "65557.7",
          "16.606555"
        ]
      ],
      "b": [
        [
          "65485.47",
          "47.081829"
        ]
      ],
      "ts": 1716863719031,
      "u": 230704,
      "seq": 1432604333,
      "cts": 1716863718905
    },
    "retExtInfo": {},
    "time": 1716863719382
  },
  recentTrade: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "category": "spot",
      "list": [
        {
          "execId": "2100000000007764263",
          "symbol": "BTCUSDT",
          "price": "16618.49",
          "size": "0.00012",
          "side": "Buy",
          "time": "1672052955758",
          "isBlockTrade": false,
          "isRPITrade": true,
          "seq": "123456"
        }
      ]
    },
    "retExtInfo": {},
    "time": 1672053054358
  },
  funding: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "category": "linear",
      "list": [
        {
          "symbol": "ETHPERP",
          "fundingRate": "0.0001",
          "fundingRateTimestamp": "1672041600000"
        }
      ]
    },
    "retExtInfo": {},
    "time": 1672051897447
  },
  create: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "orderId": "1321003749386327552",
      "orderLinkId": "spot-test-postonly"
    },
    "retExtInfo": {},
    "time": 1672211918471
  },
  amend: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "orderId": "c6f055d9-7f21-4079-913d-e6523a9cfffa",
      "orderLinkId": "linear-004"
    },
    "retExtInfo": {},
    "time": 1672217093461
  },
  cancel: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "orderId": "c6f055d9-7f21-4079-913d-e6523a9cfffa",
      "orderLinkId": "linear-004"
    },
    "retExtInfo": {},
    "time": 1672217377164
  },
  cancelAll: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "list": [
        {
          "orderId": "1616024329462743808",
          "orderLinkId": "1616024329462743809"
        },
        {
          "orderId": "1616024287544869632",
          "orderLinkId": "1616024287544869633"
        }
      ],
      "success": "1"
    },
    "retExtInfo": {},
    "time": 1707381118116
  },
  realtime: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "list": [
        {
          "orderId": "fd4300ae-7847-404e-b947-b46980a4d140",
          "orderLinkId": "test-000005",
          "blockTradeId": "",
          "symbol": "ETHUSDT",
          "price": "1600.00",
          "qty": "0.10",
          "side": "Buy",
          "isLeverage": "",
          "positionIdx": 1,
          "orderStatus": "New",
          "cancelType": "UNKNOWN",
          "rejectReason": "EC_NoError",
          "avgPrice": "0",
          "leavesQty": "0.10",
          "leavesValue": "160",
          "cumExecQty": "0.00",
          "cumExecValue": "0",
          "cumExecFee": "0",
          "timeInForce": "GTC",
          "orderType": "Limit",
          "stopOrderType": "UNKNOWN",
          "orderIv": "",
          "triggerPrice": "0.00",
          "takeProfit": "2500.00",
          "stopLoss": "1500.00",
          "tpTriggerBy": "LastPrice",
          "slTriggerBy": "LastPrice",
          "triggerDirection": 0,
          "triggerBy": "UNKNOWN",
          "lastPriceOnCreated": "",
          "reduceOnly": false,
          "closeOnTrigger": false,
          "smpType": "None",
          "smpGroup": 0,
          "smpOrderId": "",
          "tpslMode": "Full",
          "tpLimitPrice": "",
          "slLimitPrice": "",
          "placeType": "",
          "createdTime": "1684738540559",
          "updatedTime": "1684738540561",
          "cumFeeDetail": {
            "MNT": "0.00242968"
          }
        }
      ],
      "nextPageCursor": "page_args%3Dfd4300ae-7847-404e-b947-b46980a4d140%26symbol%3D6%26",
      "category": "linear"
    },
    "retExtInfo": {},
    "time": 1684765770483
  },
  history: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "list": [
        {
          "orderId": "14bad3a1-6454-43d8-bcf2-5345896cf74d",
          "orderLinkId": "YLxaWKMiHU",
          "blockTradeId": "",
          "symbol": "BTCUSDT",
          "price": "26864.40",
          "qty": "0.003",
          "side": "Buy",
          "isLeverage": "",
          "positionIdx": 1,
          "orderStatus": "Cancelled",
          "cancelType": "UNKNOWN",
          "rejectReason": "EC_PostOnlyWillTakeLiquidity",
          "avgPrice": "0",
          "leavesQty": "0.000",
          "leavesValue": "0",
          "cumExecQty": "0.000",
          "cumExecValue": "0",
          "cumExecFee": "0",
          "timeInForce": "PostOnly",
          "orderType": "Limit",
          "stopOrderType": "UNKNOWN",
          "orderIv": "",
          "triggerPrice": "0.00",
          "takeProfit": "0.00",
          "stopLoss": "0.00",
          "tpTriggerBy": "UNKNOWN",
          "slTriggerBy": "UNKNOWN",
          "triggerDirection": 0,
          "triggerBy": "UNKNOWN",
          "lastPriceOnCreated": "0.00",
          "reduceOnly": false,
          "closeOnTrigger": false,
          "smpType": "None",
          "smpGroup": 0,
          "smpOrderId": "",
          "tpslMode": "",
          "tpLimitPrice": "",
          "slLimitPrice": "",
          "placeType": "",
          "slippageToleranceType": "UNKNOWN",
          "slippageTolerance": "",
          "createdTime": "1684476068369",
          "updatedTime": "1684476068372",
          "extraFees": "",
          "cumFeeDetail": {
            "MNT": "0.00242968"
          },
          "rpiTakerAccess": false,
          "rpiMatchedQty": "0"
        }
      ],
      "nextPageCursor": "page_token%3D39380%26",
      "category": "linear"
    },
    "retExtInfo": {},
    "time": 1684766282976
  },
  executions: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "nextPageCursor": "132766%3A2%2C132766%3A2",
      "category": "linear",
      "list": [
        {
          "symbol": "ETHPERP",
          "orderType": "Market",
          "underlyingPrice": "",
          "orderLinkId": "",
          "side": "Buy",
          "indexPrice": "",
          "orderId": "8c065341-7b52-4ca9-ac2c-37e31ac55c94",
          "stopOrderType": "UNKNOWN",
          "leavesQty": "0",
          "execTime": "1672282722429",
          "feeCurrency": "",
          "isMaker": false,
          "execFee": "0.071409",
          "feeRate": "0.0006",
          "execId": "e0cbe81d-0f18-5866-9415-cf319b5dab3b",
          "tradeIv": "",
          "blockTradeId": "",
          "markPrice": "1183.54",
          "execPrice": "1190.15",
          "markIv": "",
          "orderQty": "0.1",
          "orderPrice": "1236.9",
          "execValue": "119.015",
          "execType": "Trade",
          "execQty": "0.1",
          "closedSize": "",
          "extraFees": "",
          "seq": 4688002127
        }
      ]
    },
    "retExtInfo": {},
    "time": 1672283754510
  },
  positions: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "list": [
        {
          "positionIdx": 0,
          "riskId": 1,
          "riskLimitValue": "150",
          "symbol": "BTCUSD",
          "side": "Sell",
          "size": "300",
          "avgPrice": "27464.50441675",
          "positionValue": "0.01092319",
          "tradeMode": 0,
          "positionStatus": "Normal",
          "autoAddMargin": 1,
          "adlRankIndicator": 2,
          "leverage": "10",
          "breakEvenPrice": "93556.73034991",
          "positionBalance": "0.00139186",
          "markPrice": "28224.50",
          "liqPrice": "",
          "bustPrice": "999999.00",
          "positionMM": "0.0000015",
          "positionMMByMp": "0.0000015",
          "positionIM": "0.00010923",
          "positionIMByMp": "0.00010923",
          "tpslMode": "Full",
          "takeProfit": "0.00",
          "stopLoss": "0.00",
          "trailingStop": "0.00",
          "unrealisedPnl": "-0.00029413",
          "curRealisedPnl": "0.00013123",
          "cumRealisedPnl": "-0.00096902",
          "seq": 5723621632,
          "isReduceOnly": false,
          "mmrSysUpdateTime": "",
          "leverageSysUpdatedTime": "",
          "sessionAvgPrice": "",
          "createdTime": "1676538056258",
          "updatedTime": "1697673600012"
        }
      ],
      "nextPageCursor": "",
      "category": "inverse"
    },
    "retExtInfo": {},
    "time": 1697684980172
  },
  setLeverage: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {},
    "retExtInfo": {},
    "time": 1672281607343
  },
  setMarginModeFailure: {
    "retCode": 3400045,
    "retMsg": "Set margin mode failed",
    "result": {
      "reasons": [
        {
          "reasonCode": "3400000",
          "reasonMsg": "Equity needs to be equal to or greater than 1000 USDC"
        }
      ]
    }
  },
  tradingStop: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {},
    "retExtInfo": {},
    "time": 1672283125359
  },
  closedPnl: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "nextPageCursor": "5a373bfe-188d-4913-9c81-d57ab5be8068%3A1672214887231423699%2C5a373bfe-188d-4913-9c81-d57ab5be8068%3A1672214887231423699",
      "category": "linear",
      "list": [
        {
          "symbol": "ETHPERP",
          "orderType": "Market",
          "leverage": "3",
          "updatedTime": "1672214887236",
          "side": "Sell",
          "orderId": "5a373bfe-188d-4913-9c81-d57ab5be8068",
          "closedPnl": "-47.4065323",
          "avgEntryPrice": "1194.97516667",
          "qty": "3",
          "cumEntryValue": "3584.9255",
          "createdTime": "1672214887231",
          "orderPrice": "1122.95",
          "closedSize": "3",
          "avgExitPrice": "1180.59833333",
          "execType": "Trade",
          "fillCount": "4",
          "cumExitValue": "3541.795"
        }
      ]
    },
    "retExtInfo": {},
    "time": 1672284129153
  },
  wallet: {
    "retCode": 0,
    "retMsg": "OK",
    "result": {
      "list": [
        {
          "totalEquity": "3.31216591",
          "accountIMRate": "0",
          "accountIMRateByMp": "0",
          "totalMarginBalance": "3.00326056",
          "totalInitialMargin": "0",
          "totalInitialMarginByMp": "0",
          "accountType": "UNIFIED",
          "totalAvailableBalance": "3.00326056",
          "accountMMRate": "0",
          "accountMMRateByMp": "0",
          "totalPerpUPL": "0",
          "totalWalletBalance": "3.00326056",
          "accountLTV": "0",
          "totalMaintenanceMargin": "0",
          "totalMaintenanceMarginByMp": "0",
          "coin": [
            {
              "availableToBorrow": "3",
              "bonus": "0",
              "accruedInterest": "0",
              "availableToWithdraw": "0",
              "totalOrderIM": "0",
              "equity": "0",
              "totalPositionMM": "0",
              "usdValue": "0",
              "spotHedgingQty": "0.01592413",
              "unrealisedPnl": "0",
              "collateralSwitch": true,
              "borrowAmount": "0.0",
              "totalPositionIM": "0",
              "walletBalance": "0",
              "cumRealisedPnl": "0",
              "locked": "0",
              "marginCollateral": true,
              "coin": "BTC",
              "spotBorrow": "0"
            }
          ]
        }
      ]
    },
    "retExtInfo": {},
    "time": 1690872862481
  },
  queryApi: {
    "retCode": 0,
    "retMsg": "",
    "result": {
      "id": "2208369",
      "note": "testnet",
      "apiKey": "XXXXXXXX",
      "readOnly": 1,
      "secret": "",
      "permissions": {
        "ContractTrade": [
          "Order",
          "Position"
        ],
        "Spot": [
          "SpotTrade"
        ],
        "Wallet": [
          "AccountTransfer",
          "SubMemberTransfer"
        ],
        "Options": [],
        "Derivatives": [
          "DerivativesTrade"
        ],
        "CopyTrading": [],
        "BlockTrade": [],
        "Exchange": [
          "ExchangeHistory"
        ],
        "NFT": [],
        "Affiliate": [],
        "Earn": [
          "Earn"
        ],
        "FiatP2P": [
          "FiatP2POrder",
          "Advertising"
        ],
        "FiatConvertBroker": [
          "FiatConvertBrokerOrder"
        ],
        "FiatGlobalPay": [],
        "FiatBitPay": [
          "FaitPayOrder"
        ],
        "BitCard": [
          "BitCard"
        ],
        "ByXPost": [
          "ByXPost"
        ]
      },
      "ips": [
        "18.181.170.164",
        "13.212.45.47",
        "13.212.45.48"
      ],
      "type": 1,
      "deadlineDay": -2,
      "expiredAt": "1970-01-01T00:00:00Z",
      "createdAt": "2025-10-13T03:20:45Z",
      "unified": 0,
      "uta": 1,
      "userID": 1448939,
      "inviterID": 0,
      "vipLevel": "PRO-1",
      "mktMakerLevel": "0",
      "affiliateID": 0,
      "rsaPublicKey": "",
      "isMaster": true,
      "parentUid": "0",
      "kycLevel": "LEVEL_1",
      "kycRegion": "MYS",
      "userIDInt64": "0",
      "inviterIDInt64": "0",
      "affiliateIDInt64": "0"
    },
    "retExtInfo": {},
    "time": 1776149990532
  },
} as const;
